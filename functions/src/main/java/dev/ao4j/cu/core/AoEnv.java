package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.protocol.ProcessMeta;
import dev.ao4j.protocol.TagJson;

/** The {@code env} object handed to the module with every message: {@code {Process:{Id,Owner,Tags}, Module:{Id,Owner,Tags}}}. */
public final class AoEnv {
    private AoEnv() {}

    public static ObjectNode of(ProcessMeta process, ModuleMeta module) {
        ObjectNode env = JsonNodeFactory.instance.objectNode();
        ObjectNode p = env.putObject("Process");
        p.put("Id", process.id());
        p.put("Owner", process.owner());
        p.set("Tags", TagJson.toJson(process.tags()));
        ObjectNode m = env.putObject("Module");
        m.put("Id", module.id());
        m.put("Owner", module.owner());
        m.set("Tags", TagJson.toJson(module.tags()));
        return env;
    }
}

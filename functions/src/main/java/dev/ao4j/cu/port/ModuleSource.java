package dev.ao4j.cu.port;

import dev.ao4j.cu.core.ModuleMeta;
import java.util.Optional;

/** Modules on the permanent store: header (owner, tags) and the wasm binary. */
public interface ModuleSource {
    Optional<ModuleMeta> meta(String moduleId);

    byte[] binary(String moduleId);
}

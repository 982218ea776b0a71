package dev.ao4j.mu.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.port.CrankTask;
import java.util.Map;

/** Crank steps as queue tasks: type = the step's name, payload = the step record as JSON. */
public final class StepCodec {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Map<String, Class<? extends CrankStep>> TYPES = Map.of(
            "pull-result", CrankStep.PullResult.class,
            "deliver", CrankStep.Deliver.class,
            "spawn", CrankStep.Spawn.class,
            "notify-spawned", CrankStep.NotifySpawned.class,
            "assign", CrankStep.Assign.class);

    private StepCodec() {}

    /** The step as a task with its payload inline (see {@link StepTasks} for payloads over the queue's limit). */
    public static CrankTask task(CrankStep step) {
        return CrankTask.of(step.key(), step.group(), type(step), json(step));
    }

    public static String json(CrankStep step) {
        try {
            return JSON.writeValueAsString(step);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode crank step " + step + ": " + e.getMessage(), e);
        }
    }

    public static CrankStep step(CrankTask task) {
        return step(task.id(), task.type(), task.payloadJson());
    }

    static CrankStep step(String taskId, String typeName, String payloadJson) {
        Class<? extends CrankStep> type = TYPES.get(typeName);
        if (type == null) {
            throw new IllegalArgumentException("unknown crank step type '" + typeName + "'");
        }
        try {
            return JSON.readValue(payloadJson, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("crank task " + taskId + " has an unreadable payload: " + e.getMessage(), e);
        }
    }

    public static String type(CrankStep step) {
        return switch (step) {
            case CrankStep.PullResult p -> "pull-result";
            case CrankStep.Deliver d -> "deliver";
            case CrankStep.Spawn s -> "spawn";
            case CrankStep.NotifySpawned n -> "notify-spawned";
            case CrankStep.Assign a -> "assign";
        };
    }
}

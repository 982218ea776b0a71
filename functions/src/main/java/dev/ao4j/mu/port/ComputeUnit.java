package dev.ao4j.mu.port;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.mu.core.MuException;
import java.util.Optional;

/** The CU the MU reads results from. */
public interface ComputeUnit {
    /** The result of {@code messageId} in {@code processId}: {@code {Messages, Spawns, Assignments, Output, ...}}. */
    JsonNode result(String messageId, String processId) throws MuException;

    /** The cursor of the process's newest evaluated result, if it has one. */
    Optional<String> latestCursor(String processId) throws MuException;

    /** Cron results after {@code fromCursor} (all when null), oldest first: {@code {pageInfo, edges:[{cursor,node}]}}. */
    JsonNode cron(String processId, String fromCursor, int limit) throws MuException;
}

package dev.ao4j.cu.port;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One scheduler, as the CU reads it: AO's SU JSON (AO-PROTOCOL §3), whether it comes over HTTP or from an
 * SU in the same JVM. Failures to reach it are {@link dev.ao4j.cu.core.CuException}s with status 503.
 */
public interface SuClient {
    /** The Process shape, or empty when the SU does not know the process. */
    Optional<JsonNode> process(String processId);

    /** The Message shape of one message (or assignment id) of the process, or empty. */
    Optional<JsonNode> message(String processId, String messageId);

    /** A page of the log with {@code from < timestamp ≤ to} (null bounds are open). */
    JsonNode page(String processId, Long from, Long to, int limit);

    /** {@code {timestamp, block_height}}: the SU's clock. */
    JsonNode timestamp(String processId);
}

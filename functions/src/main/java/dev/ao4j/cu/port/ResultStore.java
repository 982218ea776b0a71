package dev.ao4j.cu.port;

import dev.ao4j.arweave.ans104.Hashes;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Every evaluation result the CU produced, durable across restarts. */
public interface ResultStore extends AutoCloseable {
    /**
     * One evaluation.
     *
     * @param cron         null for a scheduled message
     * @param messageId    null for a cron message
     * @param deepHash     content hash of a forwarded message, or null
     * @param result       the result JSON as aoconnect reads it
     * @param memorySha256 hex SHA-256 of the memory after it
     */
    record Evaluation(String processId, long timestamp, long ordinate, String cron, String messageId, long nonce,
                      long epoch, long blockHeight, String deepHash, boolean isAssignment, boolean error, String result,
                      String memorySha256) {
        public Evaluation withMemorySha256(String sha) {
            return new Evaluation(processId, timestamp, ordinate, cron, messageId, nonce, epoch, blockHeight, deepHash,
                    isAssignment, error, result, sha);
        }

        /** Hex SHA-256 of the result JSON's UTF-8 bytes: what an attestation states as {@code resultSha256}. */
        public String resultSha256() {
            return Hashes.sha256Hex(result.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Stores them in one transaction; an evaluation already stored (same process, timestamp, ordinate, cron) is kept. */
    void saveAll(List<Evaluation> evaluations);

    /** Records the memory hash of an evaluation stored without one (hashed after its request was answered). */
    void saveMemorySha256(String processId, long timestamp, long ordinate, String cron, String memorySha256);

    Optional<Evaluation> byMessage(String processId, String messageId);

    /**
     * Whether a message with this deep hash (or, for an assignment, this message id) was evaluated at a slot before
     * {@code nonce}. Only earlier slots count: a replay after a crash meets the message's own stored result, which is
     * no reason to skip it (AO's CU asks the same: {@code findMessageBefore}).
     */
    boolean evaluatedBefore(String processId, String deepHash, String messageId, long nonce);

    /**
     * Evaluations after {@code from} and up to {@code to} (either may be null), ascending or descending.
     *
     * @param cronOnly only cron evaluations
     * @param withErrors include evaluations whose result is an Error
     */
    List<Evaluation> range(String processId, Bound from, Bound to, boolean descending, int limit, boolean cronOnly,
                           boolean withErrors);

    /** A point in the order (timestamp, ordinate, cron); null fields are open. */
    record Bound(long timestamp, Long ordinate, String cron) {}

    /** The signed attestation of an evaluation, once made. */
    Optional<byte[]> attestation(String processId, long timestamp, long ordinate, String cron);

    void saveAttestation(String processId, long timestamp, long ordinate, String cron, byte[] attestation);

    @Override
    void close();
}

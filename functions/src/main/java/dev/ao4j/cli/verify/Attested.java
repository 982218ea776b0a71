package dev.ao4j.cli.verify;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.cu.port.ResultStore.Evaluation;
import java.util.Objects;

/**
 * What a CU states about one slot: the SHA-256 of the memory after it (null when it never hashed that memory) and
 * the SHA-256 of the result JSON.
 */
public record Attested(String memorySha256, String resultSha256) {
    /** What an evaluation states, as the CU's attestation of it would. */
    public static Attested of(Evaluation evaluation) {
        return new Attested(evaluation.memorySha256(), evaluation.resultSha256());
    }

    /**
     * Reads a CU's attestation JSON, checking it against the item the CU signed: a valid signature, the process and
     * message tags, the {@code Memory-SHA-256} tag and the SHA-256 of the signed data (the result).
     *
     * @throws IllegalArgumentException naming what does not hold
     */
    public static Attested of(JsonNode attestation, String processId, String messageId) {
        Attested stated = new Attested(attestation.path("memorySha256").asText(null),
                attestation.path("resultSha256").asText(null));
        DataItem item;
        try {
            item = DataItem.parse(Base64Url.decode(attestation.path("item").asText("")));
        } catch (Ans104Exception | IllegalArgumentException e) {
            throw new IllegalArgumentException("its signed item is unreadable: " + e.getMessage(), e);
        }
        require(item.verify(), "its signed item's signature is not valid");
        require(processId.equals(item.tag("Process").orElse(null)), "its signed item names another process");
        require(messageId.equals(item.tag("Message").orElse(null)), "its signed item names another message");
        require(Objects.equals(stated.memorySha256, item.tag("Memory-SHA-256").orElse(null)),
                "memorySha256 is not the signed Memory-SHA-256 tag");
        require(Hashes.sha256Hex(item.data()).equals(stated.resultSha256),
                "resultSha256 is not the SHA-256 of the signed result");
        return stated;
    }

    /** What differs from {@code other} (this one the replay's), or null when nothing does; an unstated memory hash is not compared. */
    public String difference(Attested other) {
        StringBuilder what = new StringBuilder();
        if (other.memorySha256 != null && !other.memorySha256.equals(memorySha256)) {
            what.append("memory SHA-256: replay ").append(memorySha256).append(", CU ").append(other.memorySha256);
        }
        if (!resultSha256.equals(other.resultSha256)) {
            what.append(what.isEmpty() ? "" : "; ").append("result SHA-256: replay ").append(resultSha256)
                    .append(", CU ").append(other.resultSha256);
        }
        return what.isEmpty() ? null : what.toString();
    }

    private static void require(boolean holds, String otherwise) {
        if (!holds) {
            throw new IllegalArgumentException(otherwise);
        }
    }
}

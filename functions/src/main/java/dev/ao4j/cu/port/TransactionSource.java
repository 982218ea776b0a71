package dev.ao4j.cu.port;

import dev.ao4j.arweave.ans104.Tag;
import java.util.List;
import java.util.Optional;

/** Where the CU reads items that are not in an SU's log body: assigned transactions and a process's data. */
public interface TransactionSource {
    /** @param ownerAddress the SHA-256 address; @param ownerKey the b64url public key */
    record Transaction(String id, String ownerAddress, String ownerKey, String signature, String target, String anchor,
                       List<Tag> tags, byte[] data) {}

    Optional<Transaction> transaction(String id);
}

package dev.ao4j.protocol;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;

/**
 * AO's hash chain over a process's assignments: slot 0 carries SHA-256 of the process id, and each later
 * slot SHA-256(previous assignment id ‖ previous hash chain), all over the raw (base64url-decoded) bytes.
 * A CU recomputes it to check that no slot was inserted, dropped or reordered.
 */
public final class HashChain {
    private HashChain() {}

    public static String first(String processId) {
        return Base64Url.encode(Hashes.sha256(Base64Url.decode(processId)));
    }

    public static String next(String previousAssignmentId, String previousHashChain) {
        return Base64Url.encode(Hashes.sha256(Base64Url.decode(previousAssignmentId), Base64Url.decode(previousHashChain)));
    }
}

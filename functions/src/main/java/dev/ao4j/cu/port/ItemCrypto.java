package dev.ao4j.cu.port;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Tag;
import java.util.List;
import java.util.Optional;

/** The ANS-104 checks the CU makes on what an SU sends. */
public interface ItemCrypto {
    /**
     * The address of the key that signed the assignment of the SU's JSON ({@code {id, owner:{address,key}, tags,
     * signature, anchor, target}}, empty data), derived from the key itself; empty unless the signature verifies
     * and the id is the hash of that signature.
     */
    Optional<String> assignmentSigner(JsonNode assignment);

    /** The deep hash of a message's content (target, anchor, tags, data), b64url: how a re-pushed duplicate is known. */
    String contentHash(String target, String anchor, List<Tag> tags, byte[] data);
}

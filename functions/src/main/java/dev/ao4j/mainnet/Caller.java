package dev.ao4j.mainnet;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.httpsig.HttpSignatures;
import dev.ao4j.protocol.VerifiedItem;

/**
 * Who makes a mainnet request. aoconnect signs each call as one ANS-104 item (the body); HyperBEAM's other clients
 * sign the HTTP message itself (RFC 9421, {@code httpsig@1.0}); a plain {@code GET} of a read route is signed by
 * nobody, as HyperBEAM serves it too.
 */
sealed interface Caller {
    /** The dry-run {@code Id} and {@code Owner} aoconnect's legacy mode sends for an unsigned dry-run. */
    String UNSIGNED = "1234";

    /** The id a dry-run of this caller's message carries. */
    String messageId();

    /** The address a dry-run of this caller's message is from. */
    String owner();

    /** The body or item data, as a dry-run's {@code Data}. */
    byte[] data();

    record SignedItem(VerifiedItem verified) implements Caller {
        @Override
        public String messageId() {
            return verified.item().id();
        }

        @Override
        public String owner() {
            return verified.item().ownerAddress();
        }

        @Override
        public byte[] data() {
            return verified.item().data();
        }
    }

    /**
     * An HTTP message signature's signer. The message id is the SHA-256 of the signature, as an ANS-104 id is;
     * {@code data} is the signed {@code data} field (ao-core-libs sends short values as header fields).
     */
    record HttpSigned(HttpSignatures.Signer signer, byte[] data) implements Caller {
        @Override
        public String messageId() {
            return Base64Url.encode(Hashes.sha256(signer.signature()));
        }

        @Override
        public String owner() {
            return signer.address();
        }
    }

    record Anonymous(byte[] data) implements Caller {
        @Override
        public String messageId() {
            return UNSIGNED;
        }

        @Override
        public String owner() {
            return UNSIGNED;
        }
    }
}

package dev.ao4j.arweave.wallet;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Signer;

/** A private key that signs data items, with the address AO knows its owner by. */
public interface Wallet extends Signer {
    /** Arweave and ED25519: b64url(SHA-256(owner)); Ethereum: the EIP-55 address. */
    String address();

    /** The key as a JWK, the format wallet files use. */
    ObjectNode toJwk();
}

package dev.ao4j.arweave.ans104;

/** Something that signs ANS-104 data items: a key of one signature type. */
public interface Signer {
    SignatureType type();

    /** The owner field: the public key in its ANS-104 form. */
    byte[] owner();

    /** Signs the deep hash of an item (the signature message), as the type's signer does. */
    byte[] sign(byte[] message);
}

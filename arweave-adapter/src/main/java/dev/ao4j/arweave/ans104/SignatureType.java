package dev.ao4j.arweave.ans104;

import java.util.Optional;

/** The ANS-104 signature types ao4j signs and verifies, with their fixed field lengths. */
public enum SignatureType {
    /** Arweave: RSA-PSS over SHA-256, 4096-bit modulus as owner, salt length 32. */
    ARWEAVE(1, 512, 512),
    /** ED25519: 32-byte public key as owner. */
    ED25519(2, 64, 32),
    /** Ethereum: secp256k1, uncompressed 65-byte public key as owner, 65-byte r‖s‖v signature. */
    ETHEREUM(3, 65, 65);

    private final int code;
    private final int signatureLength;
    private final int ownerLength;

    SignatureType(int code, int signatureLength, int ownerLength) {
        this.code = code;
        this.signatureLength = signatureLength;
        this.ownerLength = ownerLength;
    }

    public int code() {
        return code;
    }

    public int signatureLength() {
        return signatureLength;
    }

    public int ownerLength() {
        return ownerLength;
    }

    public static Optional<SignatureType> fromCode(int code) {
        for (SignatureType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

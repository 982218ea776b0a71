package dev.ao4j.gateway;

import dev.ao4j.arweave.ans104.SignatureType;
import dev.ao4j.arweave.ans104.Signer;
import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An ED25519 signer (ANS-104 signature type 2) for filling benchmark stores quickly. */
final class BenchSigner implements Signer {
    private final Ed25519PrivateKeyParameters key;

    private BenchSigner(Ed25519PrivateKeyParameters key) {
        this.key = key;
    }

    static BenchSigner generate() {
        return new BenchSigner(new Ed25519PrivateKeyParameters(new SecureRandom()));
    }

    @Override
    public SignatureType signatureType() {
        return SignatureType.ED25519;
    }

    @Override
    public byte[] publicKey() {
        return key.generatePublicKey().getEncoded();
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }
}

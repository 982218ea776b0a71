package dev.ao4j.arweave.wallet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.SignatureType;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** An ED25519 key; the owner is the 32-byte public key. JWK form: {@code {kty:OKP, crv:Ed25519, x, d}}. */
final class Ed25519Wallet implements Wallet {
    private final Ed25519PrivateKeyParameters key;
    private final byte[] owner;

    Ed25519Wallet(byte[] seed) throws WalletException {
        if (seed.length != 32) {
            throw new WalletException("an ED25519 private key has 32 bytes, not " + seed.length);
        }
        this.key = new Ed25519PrivateKeyParameters(seed, 0);
        this.owner = key.generatePublicKey().getEncoded();
    }

    static Ed25519Wallet fromJwk(ObjectNode jwk) throws WalletException {
        String d = jwk.path("d").asText(null);
        if (d == null) {
            throw new WalletException("ED25519 JWK lacks 'd'");
        }
        return new Ed25519Wallet(Base64Url.decode(d));
    }

    @Override
    public SignatureType type() {
        return SignatureType.ED25519;
    }

    @Override
    public byte[] owner() {
        return owner.clone();
    }

    @Override
    public String address() {
        return Base64Url.encode(Hashes.sha256(owner));
    }

    @Override
    public byte[] sign(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, key);
        signer.update(message, 0, message.length);
        return signer.generateSignature();
    }

    @Override
    public ObjectNode toJwk() {
        return JsonNodeFactory.instance.objectNode().put("kty", "OKP").put("crv", "Ed25519")
                .put("x", Base64Url.encode(owner)).put("d", Base64Url.encode(key.getEncoded()));
    }
}

package dev.ao4j.arweave.wallet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.SignatureType;
import dev.ao4j.arweave.ans104.Signatures;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPrivateCrtKeySpec;

/** An Arweave RSA-4096 key: RSA-PSS, SHA-256, salt 32; the owner is the 512-byte modulus. */
final class ArweaveWallet implements Wallet {
    private final RSAPrivateCrtKey key;
    private final byte[] owner;
    private final String address;

    ArweaveWallet(RSAPrivateCrtKey key) throws WalletException {
        this.key = key;
        this.owner = unsigned(key.getModulus(), 512);
        if (owner == null) {
            throw new WalletException("an Arweave key must have a 4096-bit modulus");
        }
        this.address = Base64Url.encode(Hashes.sha256(owner));
    }

    static ArweaveWallet fromJwk(ObjectNode jwk) throws WalletException {
        try {
            RSAPrivateCrtKeySpec spec = new RSAPrivateCrtKeySpec(big(jwk, "n"), big(jwk, "e"), big(jwk, "d"), big(jwk, "p"),
                    big(jwk, "q"), big(jwk, "dp"), big(jwk, "dq"), big(jwk, "qi"));
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(spec);
            return new ArweaveWallet((RSAPrivateCrtKey) key);
        } catch (GeneralSecurityException e) {
            throw new WalletException("not a usable RSA JWK: " + e.getMessage(), e);
        }
    }

    @Override
    public SignatureType type() {
        return SignatureType.ARWEAVE;
    }

    @Override
    public byte[] owner() {
        return owner.clone();
    }

    @Override
    public String address() {
        return address;
    }

    @Override
    public byte[] sign(byte[] message) {
        try {
            Signature signer = Signature.getInstance("RSASSA-PSS");
            signer.setParameter(Signatures.PSS_SALT_32);
            signer.initSign(key);
            signer.update(message);
            return unsigned(new BigInteger(1, signer.sign()), 512);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA-PSS signing failed", e);
        }
    }

    @Override
    public ObjectNode toJwk() {
        ObjectNode jwk = JsonNodeFactory.instance.objectNode();
        jwk.put("kty", "RSA");
        jwk.put("n", Base64Url.encode(owner));
        jwk.put("e", encode(key.getPublicExponent()));
        jwk.put("d", encode(key.getPrivateExponent()));
        jwk.put("p", encode(key.getPrimeP()));
        jwk.put("q", encode(key.getPrimeQ()));
        jwk.put("dp", encode(key.getPrimeExponentP()));
        jwk.put("dq", encode(key.getPrimeExponentQ()));
        jwk.put("qi", encode(key.getCrtCoefficient()));
        return jwk;
    }

    private static String encode(BigInteger value) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > 1 && bytes[0] == 0 ? 1 : 0;
        return Base64Url.encode(java.util.Arrays.copyOfRange(bytes, skip, bytes.length));
    }

    private static BigInteger big(ObjectNode jwk, String field) throws WalletException {
        String value = jwk.path(field).asText(null);
        if (value == null) {
            throw new WalletException("RSA JWK lacks '" + field + "'");
        }
        try {
            return new BigInteger(1, Base64Url.decode(value));
        } catch (IllegalArgumentException e) {
            throw new WalletException("RSA JWK field '" + field + "' is not base64url");
        }
    }

    /** Big-endian, left-padded to {@code length}; null when it does not fit. */
    static byte[] unsigned(BigInteger value, int length) {
        byte[] bytes = value.toByteArray();
        int skip = bytes.length > length && bytes[0] == 0 ? 1 : 0;
        if (bytes.length - skip > length) {
            return null;
        }
        byte[] out = new byte[length];
        System.arraycopy(bytes, skip, out, length - (bytes.length - skip), bytes.length - skip);
        return out;
    }
}

package dev.ao4j.arweave.ans104;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/** Verifies an ANS-104 signature of each type over the item's deep hash. */
public final class Signatures {
    private static final BigInteger RSA_EXPONENT = BigInteger.valueOf(65537);
    /** Arweave signs with salt 32; some tools sign with the maximum salt, which verifiers also accept. */
    public static final PSSParameterSpec PSS_SALT_32 = pss(32);
    private static final PSSParameterSpec PSS_SALT_MAX = pss(512 - 32 - 2);

    private Signatures() {}

    public static boolean verify(SignatureType type, byte[] owner, byte[] message, byte[] signature) {
        return switch (type) {
            case ARWEAVE -> verifyRsa(owner, message, signature);
            case ED25519 -> verifyEd25519(owner, message, signature);
            case ETHEREUM -> Ethereum.verify(owner, message, signature);
        };
    }

    /** The RSA public key whose modulus is the owner field (exponent 65537, as Arweave fixes it). */
    public static PublicKey rsaPublicKey(byte[] modulus) throws GeneralSecurityException {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(new BigInteger(1, modulus), RSA_EXPONENT));
    }

    static PSSParameterSpec pss(int saltLength) {
        return new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, saltLength, 1);
    }

    /**
     * An {@code rsa-pss-sha512} signature (RFC 9421) by the RSA key of {@code modulus} (exponent 65537), at the salt
     * lengths signers use: node's crypto the maximum, WebCrypto signers the digest length or Arweave's 32.
     */
    public static boolean verifyRsaPssSha512(byte[] modulus, byte[] message, byte[] signature) {
        int maxSalt = modulus.length - 64 - 2;
        if (maxSalt < 64) {
            return false;
        }
        try {
            PublicKey key = rsaPublicKey(modulus);
            return List.of(maxSalt, 64, 32).stream().anyMatch(salt -> verifyPss(key, pss512(salt), message, signature));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static PSSParameterSpec pss512(int saltLength) {
        return new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, saltLength, 1);
    }

    private static boolean verifyRsa(byte[] owner, byte[] message, byte[] signature) {
        try {
            PublicKey key = rsaPublicKey(owner);
            return verifyPss(key, PSS_SALT_32, message, signature) || verifyPss(key, PSS_SALT_MAX, message, signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean verifyPss(PublicKey key, PSSParameterSpec spec, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("RSASSA-PSS");
            verifier.setParameter(spec);
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static boolean verifyEd25519(byte[] owner, byte[] message, byte[] signature) {
        if (owner.length != 32 || signature.length != 64) {
            return false;
        }
        try {
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(owner, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(signature);
        } catch (IllegalArgumentException notAPoint) {
            return false; // an owner that is not a curve point cannot have signed anything
        }
    }
}

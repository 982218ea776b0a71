package dev.ao4j.arweave.ans104;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Ethereum signatures as ANS-104 type 3 uses them: secp256k1 ECDSA over the "personal message" hash
 * keccak256("\x19Ethereum Signed Message:\n" + length + message), encoded r ‖ s ‖ v with v = 27 or 28
 * and s in the lower half of the curve order; the owner is the uncompressed 65-byte public key.
 */
public final class Ethereum {
    public static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    public static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final BigInteger HALF_N = CURVE.getN().shiftRight(1);

    private Ethereum() {}

    static byte[] personalMessageHash(byte[] message) {
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + message.length).getBytes(StandardCharsets.UTF_8);
        return Hashes.keccak256(prefix, message);
    }

    /** Signs deterministically (RFC 6979, as ethers does) and returns r ‖ s ‖ v. */
    public static byte[] sign(BigInteger privateKey, byte[] message) {
        byte[] hash = personalMessageHash(message);
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey, DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger r = rs[0];
        BigInteger s = rs[1].compareTo(HALF_N) > 0 ? CURVE.getN().subtract(rs[1]) : rs[1];
        ECPoint expected = DOMAIN.getG().multiply(privateKey).normalize();
        for (int recoveryId = 0; recoveryId < 2; recoveryId++) {
            ECPoint recovered = recover(hash, r, s, recoveryId);
            if (recovered != null && recovered.equals(expected)) {
                byte[] out = new byte[65];
                System.arraycopy(unsigned32(r), 0, out, 0, 32);
                System.arraycopy(unsigned32(s), 0, out, 32, 32);
                out[64] = (byte) (27 + recoveryId);
                return out;
            }
        }
        throw new IllegalStateException("no recovery id reproduces the signing key");
    }

    /**
     * True when {@code signature} is the one canonical Ethereum signature of {@code message} by {@code owner}:
     * ECDSA-valid, with s in the lower half of the order (EIP-2) and a recovery byte v of 27 or 28 that recovers
     * {@code owner}. Without those checks anyone could turn one signature into hundreds (n − s, and any v), each
     * a new item id over the same signed content — a replay under a fresh id. The raw form v = 0/1 is refused
     * too: it would be a second encoding, hence a second id, of the same signature (ethers and arbundles emit
     * 27/28).
     */
    static boolean verify(byte[] owner, byte[] message, byte[] signature) {
        if (owner.length != 65 || owner[0] != 4 || signature.length != 65) {
            return false;
        }
        int recoveryId = (signature[64] & 0xff) - 27;
        if (recoveryId != 0 && recoveryId != 1) {
            return false;
        }
        try {
            ECPoint key = CURVE.getCurve().decodePoint(owner).normalize();
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            if (r.signum() == 0 || s.signum() == 0 || r.compareTo(CURVE.getN()) >= 0 || s.compareTo(HALF_N) > 0) {
                return false;
            }
            byte[] hash = personalMessageHash(message);
            ECDSASigner verifier = new ECDSASigner();
            verifier.init(false, new ECPublicKeyParameters(key, DOMAIN));
            if (!verifier.verifySignature(hash, r, s)) {
                return false;
            }
            ECPoint recovered = recover(hash, r, s, recoveryId);
            return recovered != null && recovered.equals(key);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The EIP-55 checksummed address of an uncompressed public key. */
    public static String address(byte[] uncompressedPublicKey) {
        byte[] hash = Hashes.keccak256(Arrays.copyOfRange(uncompressedPublicKey, 1, uncompressedPublicKey.length));
        String hex = HexFormat.of().formatHex(hash, 12, 32);
        String checksum = HexFormat.of().formatHex(Hashes.keccak256(hex.getBytes(StandardCharsets.US_ASCII)));
        StringBuilder address = new StringBuilder("0x");
        for (int i = 0; i < hex.length(); i++) {
            char c = hex.charAt(i);
            address.append(Character.digit(checksum.charAt(i), 16) >= 8 ? Character.toUpperCase(c) : c);
        }
        return address.toString();
    }

    /** The public key Q with s·R = e·G + r·Q, for R the point with x = r and y parity {@code recoveryId}. */
    private static ECPoint recover(byte[] hash, BigInteger r, BigInteger s, int recoveryId) {
        BigInteger n = CURVE.getN();
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (2 + recoveryId);
        System.arraycopy(unsigned32(r), 0, compressed, 1, 32);
        ECPoint point;
        try {
            point = CURVE.getCurve().decodePoint(compressed);
        } catch (IllegalArgumentException e) {
            return null;
        }
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInverse = r.modInverse(n);
        BigInteger u1 = e.negate().mod(n).multiply(rInverse).mod(n);
        BigInteger u2 = s.multiply(rInverse).mod(n);
        return ECAlgorithms.sumOfTwoMultiplies(DOMAIN.getG(), u1, point, u2).normalize();
    }

    static byte[] unsigned32(BigInteger value) {
        byte[] bytes = value.toByteArray();
        byte[] out = new byte[32];
        int copy = Math.min(32, bytes.length);
        System.arraycopy(bytes, bytes.length - copy, out, 32 - copy, copy);
        return out;
    }
}

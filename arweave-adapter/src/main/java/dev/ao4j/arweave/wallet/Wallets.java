package dev.ao4j.arweave.wallet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAKeyGenParameterSpec;

/** Creates wallets and reads and writes them as JWK files. */
public final class Wallets {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Wallets() {}

    /** A new Arweave RSA-4096 wallet, Arweave's default key. */
    public static Wallet generate() {
        return generate(WalletType.RSA);
    }

    public static Wallet generate(WalletType type) {
        try {
            return switch (type) {
                case RSA -> {
                    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                    generator.initialize(new RSAKeyGenParameterSpec(4096, RSAKeyGenParameterSpec.F4), RANDOM);
                    yield new ArweaveWallet((RSAPrivateCrtKey) generator.generateKeyPair().getPrivate());
                }
                case ED25519 -> {
                    byte[] seed = new byte[32];
                    RANDOM.nextBytes(seed);
                    yield new Ed25519Wallet(seed);
                }
                case ETHEREUM -> {
                    BigInteger d;
                    do {
                        d = new BigInteger(256, RANDOM);
                    } while (d.signum() == 0 || d.compareTo(dev.ao4j.arweave.ans104.Ethereum.CURVE.getN()) >= 0);
                    yield new EthereumWallet(d);
                }
            };
        } catch (GeneralSecurityException | WalletException e) {
            throw new IllegalStateException("cannot generate a " + type + " key", e);
        }
    }

    /** A wallet from a JWK: RSA (Arweave), OKP/Ed25519 or EC/secp256k1. */
    public static Wallet fromJwk(JsonNode jwk) throws WalletException {
        if (!(jwk instanceof ObjectNode object)) {
            throw new WalletException("a JWK is a JSON object");
        }
        String kty = object.path("kty").asText("");
        String crv = object.path("crv").asText("");
        return switch (kty) {
            case "RSA" -> ArweaveWallet.fromJwk(object);
            case "OKP" -> {
                if (!crv.equals("Ed25519")) {
                    throw new WalletException("OKP JWK with curve '" + crv + "'; only Ed25519 is supported");
                }
                yield Ed25519Wallet.fromJwk(object);
            }
            case "EC" -> {
                if (!crv.equals("secp256k1")) {
                    throw new WalletException("EC JWK with curve '" + crv + "'; only secp256k1 is supported");
                }
                yield EthereumWallet.fromJwk(object);
            }
            default -> throw new WalletException("JWK kty '" + kty + "' is not RSA, OKP or EC");
        };
    }

    /** An Ethereum wallet from a hex private key (with or without 0x). */
    public static Wallet ethereumFromHex(String hex) throws WalletException {
        String digits = hex.startsWith("0x") ? hex.substring(2) : hex;
        try {
            return new EthereumWallet(new BigInteger(digits, 16));
        } catch (NumberFormatException e) {
            throw new WalletException("not a hex private key");
        }
    }

    /** An ED25519 wallet from its 32-byte private seed. */
    public static Wallet ed25519FromSeed(byte[] seed) throws WalletException {
        return new Ed25519Wallet(seed);
    }

    public static Wallet read(Path file) throws WalletException {
        JsonNode jwk;
        try {
            jwk = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new WalletException("cannot read wallet " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromJwk(jwk);
        } catch (WalletException e) {
            throw new WalletException(file + ": " + e.getMessage(), e);
        }
    }

    /** Writes the JWK, readable by its owner only from the moment it exists (where the file system allows). */
    public static void write(Wallet wallet, Path file) throws WalletException {
        try {
            PrivateFiles.write(file, JSON.writeValueAsString(wallet.toJwk()));
        } catch (IOException e) {
            throw new WalletException("cannot write wallet " + file + ": " + e.getMessage(), e);
        }
    }
}

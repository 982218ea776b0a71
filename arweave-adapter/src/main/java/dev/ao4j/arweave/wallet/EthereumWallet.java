package dev.ao4j.arweave.wallet;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Ethereum;
import dev.ao4j.arweave.ans104.SignatureType;
import java.math.BigInteger;
import java.util.Arrays;

/** A secp256k1 key signing as Ethereum wallets do. JWK form: {@code {kty:EC, crv:secp256k1, x, y, d}}. */
final class EthereumWallet implements Wallet {
    private final BigInteger privateKey;
    private final byte[] owner;
    private final String address;

    EthereumWallet(BigInteger privateKey) throws WalletException {
        if (privateKey.signum() <= 0 || privateKey.compareTo(Ethereum.CURVE.getN()) >= 0) {
            throw new WalletException("not a secp256k1 private key");
        }
        this.privateKey = privateKey;
        this.owner = Ethereum.DOMAIN.getG().multiply(privateKey).normalize().getEncoded(false);
        this.address = Ethereum.address(owner);
    }

    static EthereumWallet fromJwk(ObjectNode jwk) throws WalletException {
        String d = jwk.path("d").asText(null);
        if (d == null) {
            throw new WalletException("secp256k1 JWK lacks 'd'");
        }
        return new EthereumWallet(new BigInteger(1, Base64Url.decode(d)));
    }

    @Override
    public SignatureType type() {
        return SignatureType.ETHEREUM;
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
        return Ethereum.sign(privateKey, message);
    }

    @Override
    public ObjectNode toJwk() {
        byte[] d = ArweaveWallet.unsigned(privateKey, 32);
        return JsonNodeFactory.instance.objectNode().put("kty", "EC").put("crv", "secp256k1")
                .put("x", Base64Url.encode(Arrays.copyOfRange(owner, 1, 33)))
                .put("y", Base64Url.encode(Arrays.copyOfRange(owner, 33, 65)))
                .put("d", Base64Url.encode(d));
    }
}

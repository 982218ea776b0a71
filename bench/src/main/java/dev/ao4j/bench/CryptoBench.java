package dev.ao4j.bench;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Signatures;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code ./ao4j bench crypto}: parse, id, verify and sign of a typical AO message, per signature type, each
 * beside the bare primitive underneath it on the same key — a memory copy for parse, SHA-256 of the
 * signature for the id, the signature scheme on a 48-byte digest for verify and sign — as the limit.
 */
public final class CryptoBench implements BenchSuite {
    @Override
    public String name() {
        return "crypto";
    }

    @Override
    public List<BenchRow> run(Options options) throws Exception {
        List<BenchRow> rows = new ArrayList<>();
        List<Tag> tags = List.of(new Tag("Data-Protocol", "ao"), new Tag("Variant", "ao.TN.1"), new Tag("Type", "Message"),
                new Tag("Action", "Transfer"), new Tag("Recipient", "r".repeat(43)), new Tag("Quantity", "1000"),
                new Tag("SDK", "aoconnect"));
        byte[] data = "{\"note\":\"a typical small AO message\"}".getBytes(StandardCharsets.UTF_8);
        for (WalletType type : WalletType.values()) {
            Wallet wallet = Wallets.generate(type);
            String label = type.name().toLowerCase();
            DataItem item = DataItem.sign(wallet, "A".repeat(43), null, tags, data);
            byte[] raw = item.raw();
            byte[] signature = item.signature();
            byte[] owner = item.owner();
            byte[] digest = item.signatureMessage();

            rows.add(BenchRow.versus("parse " + label, Throughput.opsPerSecond(() -> DataItem.parse(raw), options),
                    "items/s", "memory copy", Throughput.opsPerSecond(() -> Arrays.copyOf(raw, raw.length), options)));
            rows.add(BenchRow.versus("id " + label, Throughput.opsPerSecond(() -> DataItem.parse(raw).id(), options),
                    "items/s", "SHA-256 of signature", Throughput.opsPerSecond(() -> Hashes.sha256(signature), options)));
            rows.add(BenchRow.versus("verify " + label, Throughput.opsPerSecond(item::verify, options),
                    "items/s", "bare verify", Throughput.opsPerSecond(
                            () -> Signatures.verify(item.signatureType(), owner, digest, signature), options)));
            rows.add(BenchRow.versus("sign " + label, Throughput.opsPerSecond(
                    () -> DataItem.sign(wallet, "A".repeat(43), null, tags, data), options),
                    "items/s", "bare sign", Throughput.opsPerSecond(() -> wallet.sign(digest), options)));
        }
        return rows;
    }
}

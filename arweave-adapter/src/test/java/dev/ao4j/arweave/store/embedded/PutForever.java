package dev.ao4j.arweave.store.embedded;

import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The child JVM of {@link EmbeddedPermastoreCrashTest}: args dataDir first count; prints "ack id index" after each put returns. */
public final class PutForever {
    private PutForever() {}

    static byte[] data(int index) {
        return ("crash-test item " + index + " ").repeat(1 + index % 7).getBytes(StandardCharsets.UTF_8);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(args[0]);
        int first = Integer.parseInt(args[1]);
        int count = Integer.parseInt(args[2]);
        // ED25519 signs in microseconds, so the child is bound by the store, not by RSA.
        Wallet wallet = Wallets.generate(WalletType.ED25519);
        try (EmbeddedPermastore store = EmbeddedPermastore.open(dataDir, BlockClock.every(Duration.ofMillis(50)))) {
            for (int i = first; i < first + count; i++) {
                DataItem item = DataItem.sign(wallet, null, null, List.of(new Tag("Index", Integer.toString(i)), new Tag("Run", "crash")), data(i));
                store.put(item);
                System.out.println("ack " + item.id() + " " + i);
                System.out.flush();
            }
        }
    }
}

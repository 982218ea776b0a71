package dev.ao4j.arweave.store;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Bundle;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Signed data items for store tests, from wallets generated once per JVM (RSA key generation is slow). */
public final class TestItems {
    private static Wallet alice;
    private static Wallet bob;

    private TestItems() {}

    public static synchronized Wallet alice() {
        if (alice == null) {
            alice = Wallets.generate();
        }
        return alice;
    }

    public static synchronized Wallet bob() {
        if (bob == null) {
            bob = Wallets.generate();
        }
        return bob;
    }

    /** An item signed by {@code wallet} with alternating name/value tag strings. */
    public static DataItem item(Wallet wallet, String target, String data, String... tagPairs) {
        List<Tag> tags = new ArrayList<>();
        for (int i = 0; i < tagPairs.length; i += 2) {
            tags.add(new Tag(tagPairs[i], tagPairs[i + 1]));
        }
        try {
            return DataItem.sign(wallet, target, null, tags, data.getBytes(StandardCharsets.UTF_8));
        } catch (Ans104Exception e) {
            throw new AssertionError("signing a test item failed", e);
        }
    }

    public static DataItem item(String data, String... tagPairs) {
        return item(alice(), null, data, tagPairs);
    }

    /** A bundle item (Bundle-Format binary, Bundle-Version 2.0.0) signed by bob, holding {@code nested}. */
    public static DataItem bundle(List<DataItem> nested) {
        try {
            return DataItem.sign(bob(), null, null,
                    List.of(new Tag("Bundle-Format", "binary"), new Tag("Bundle-Version", "2.0.0")), Bundle.build(nested));
        } catch (Ans104Exception e) {
            throw new AssertionError("signing a test bundle failed", e);
        }
    }

    /** The item's bytes with one byte of its data flipped: the signature no longer verifies. */
    public static byte[] tampered(DataItem item) {
        byte[] raw = item.raw().clone();
        raw[raw.length - 1] ^= 1;
        return raw;
    }

    /** A unique tag value, so tests sharing a store do not see each other's items. */
    public static String unique(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}

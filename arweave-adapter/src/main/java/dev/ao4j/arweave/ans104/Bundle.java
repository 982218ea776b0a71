package dev.ao4j.arweave.ans104;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * ANS-104 binary bundles: item count (u256 LE) ‖ per item its size (u256 LE) and id (32 bytes) ‖ the items.
 * A data item whose data is a bundle carries {@code Bundle-Format: binary} and {@code Bundle-Version: 2.0.0}.
 */
public final class Bundle {
    private Bundle() {}

    /**
     * The item count a bundle's header declares, read without parsing the items: lets a receiver refuse a bundle
     * of too many items before it spends time on any of them.
     */
    public static long declaredCount(byte[] bundle) throws Ans104Exception {
        return new ByteReader(bundle).u256le("bundle.count");
    }

    /** Parses a bundle and checks its structure: sizes add up, each item parses and has the id the header names. */
    public static List<DataItem> parse(byte[] bundle) throws Ans104Exception {
        ByteReader in = new ByteReader(bundle);
        long count = in.u256le("bundle.count");
        if (count > in.remaining() / 64) {
            throw new Ans104Exception("bundle.count", count + " items cannot fit in " + in.remaining() + " bytes");
        }
        long[] sizes = new long[(int) count];
        byte[][] ids = new byte[(int) count][];
        for (int i = 0; i < count; i++) {
            sizes[i] = in.u256le("bundle.items[" + i + "].size");
            ids[i] = in.take(32, "bundle.items[" + i + "].id");
        }
        List<DataItem> items = new ArrayList<>((int) count);
        for (int i = 0; i < count; i++) {
            byte[] raw = in.take(sizes[i], "bundle.items[" + i + "]");
            DataItem item;
            try {
                item = DataItem.parse(raw);
            } catch (Ans104Exception e) {
                throw new Ans104Exception("bundle.items[" + i + "]." + e.field(), e.getMessage(), e);
            }
            if (!Arrays.equals(Base64Url.decode(item.id()), ids[i])) {
                throw new Ans104Exception("bundle.items[" + i + "].id", "header id does not match the item's signature");
            }
            items.add(item);
        }
        if (in.remaining() != 0) {
            throw new Ans104Exception("bundle", in.remaining() + " bytes after the last item");
        }
        return items;
    }

    /** Parses a bundle and verifies every item's signature. */
    public static List<DataItem> parseAndVerify(byte[] bundle) throws Ans104Exception {
        List<DataItem> items = parse(bundle);
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).verify()) {
                throw new Ans104Exception("bundle.items[" + i + "].signature", "does not verify for item " + items.get(i).id());
            }
        }
        return items;
    }

    public static byte[] build(List<DataItem> items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeU256(out, items.size());
        for (DataItem item : items) {
            writeU256(out, item.size());
            out.writeBytes(Base64Url.decode(item.id()));
        }
        for (DataItem item : items) {
            out.writeBytes(item.raw());
        }
        return out.toByteArray();
    }

    private static void writeU256(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 32; i++) {
            out.write(i < 8 ? (int) (value >>> (8 * i)) & 0xff : 0);
        }
    }
}

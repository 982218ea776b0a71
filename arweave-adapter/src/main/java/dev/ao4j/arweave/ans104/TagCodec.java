package dev.ao4j.arweave.ans104;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * ANS-104 tags in their Avro encoding: an array of {name: bytes, value: bytes} records, counts and lengths
 * as zig-zag varints, the array closed by a zero block; no tags at all is zero bytes.
 */
public final class TagCodec {
    /** Limits of the ANS-104 specification and of the reference library (total tag bytes). */
    public static final int MAX_TAGS = 128;
    public static final int MAX_NAME_BYTES = 1024;
    public static final int MAX_VALUE_BYTES = 3072;
    public static final int MAX_TAG_BYTES = 4096;

    private TagCodec() {}

    public static byte[] encode(List<Tag> tags) {
        if (tags.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeLong(out, tags.size());
        for (Tag tag : tags) {
            writeBytes(out, tag.name().getBytes(StandardCharsets.UTF_8));
            writeBytes(out, tag.value().getBytes(StandardCharsets.UTF_8));
        }
        writeLong(out, 0);
        return out.toByteArray();
    }

    /** Checks the limits of the specification; {@code field} prefixes the error's field name. */
    public static void checkLimits(List<Tag> tags, int encodedBytes) throws Ans104Exception {
        if (tags.size() > MAX_TAGS) {
            throw new Ans104Exception("tags", tags.size() + " tags; at most " + MAX_TAGS + " are allowed");
        }
        if (encodedBytes > MAX_TAG_BYTES) {
            throw new Ans104Exception("tags", encodedBytes + " tag bytes; at most " + MAX_TAG_BYTES + " are allowed");
        }
        for (int i = 0; i < tags.size(); i++) {
            Tag tag = tags.get(i);
            int name = tag.name().getBytes(StandardCharsets.UTF_8).length;
            int value = tag.value().getBytes(StandardCharsets.UTF_8).length;
            if (name == 0) {
                throw new Ans104Exception("tags[" + i + "].name", "must not be empty");
            }
            if (name > MAX_NAME_BYTES) {
                throw new Ans104Exception("tags[" + i + "].name", name + " bytes; at most " + MAX_NAME_BYTES);
            }
            if (value > MAX_VALUE_BYTES) {
                throw new Ans104Exception("tags[" + i + "].value", value + " bytes; at most " + MAX_VALUE_BYTES);
            }
        }
    }

    public static List<Tag> decode(byte[] encoded) throws Ans104Exception {
        List<Tag> tags = new ArrayList<>();
        if (encoded.length == 0) {
            return tags;
        }
        ByteReader in = new ByteReader(encoded);
        while (true) {
            long count = readLong(in, "tags");
            if (count == 0) {
                break;
            }
            if (count < 0) { // a block with its byte size after the count
                count = -count;
                readLong(in, "tags");
            }
            if (count > MAX_TAGS || tags.size() + count > MAX_TAGS) {
                throw new Ans104Exception("tags", "more than " + MAX_TAGS + " tags");
            }
            for (long i = 0; i < count; i++) {
                int index = tags.size();
                String name = readString(in, "tags[" + index + "].name");
                String value = readString(in, "tags[" + index + "].value");
                tags.add(new Tag(name, value));
            }
        }
        if (in.remaining() != 0) {
            throw new Ans104Exception("tags", in.remaining() + " bytes after the end of the Avro array");
        }
        return tags;
    }

    private static String readString(ByteReader in, String field) throws Ans104Exception {
        long length = readLong(in, field);
        if (length < 0) {
            throw new Ans104Exception(field, "negative length");
        }
        String text = strictUtf8(in.take(length, field));
        if (text == null) {
            throw new Ans104Exception(field, "not valid UTF-8");
        }
        return text;
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8 (no replacement characters). */
    public static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static long readLong(ByteReader in, String field) throws Ans104Exception {
        long raw = 0;
        int shift = 0;
        while (true) {
            int b = in.u8(field);
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                break;
            }
            shift += 7;
            if (shift > 63) {
                throw new Ans104Exception(field, "varint longer than 10 bytes");
            }
        }
        return (raw >>> 1) ^ -(raw & 1);
    }

    private static void writeLong(ByteArrayOutputStream out, long value) {
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7fL) != 0) {
            out.write((int) ((zigzag & 0x7f) | 0x80));
            zigzag >>>= 7;
        }
        out.write((int) zigzag);
    }

    private static void writeBytes(ByteArrayOutputStream out, byte[] bytes) {
        writeLong(out, bytes.length);
        out.writeBytes(bytes);
    }
}

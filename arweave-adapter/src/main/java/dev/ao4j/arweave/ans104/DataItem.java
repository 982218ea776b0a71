package dev.ao4j.arweave.ans104;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A signed ANS-104 data item. Immutable; keeps the bytes it was parsed from (or signed into), so what is
 * stored and forwarded is exactly what was signed.
 *
 * <p>Layout: signature type (u16 LE) ‖ signature ‖ owner ‖ target flag [‖ 32-byte target] ‖ anchor flag
 * [‖ 32-byte anchor] ‖ tag count (u64 LE) ‖ tag byte length (u64 LE) ‖ Avro tags ‖ data.
 */
public final class DataItem {
    private static final byte[] DATAITEM = "dataitem".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ONE = "1".getBytes(StandardCharsets.US_ASCII);

    private final byte[] raw;
    private final SignatureType signatureType;
    private final byte[] signature;
    private final byte[] owner;
    private final byte[] target;
    private final byte[] anchor;
    private final List<Tag> tags;
    private final byte[] rawTags;
    private final int dataOffset;
    private final String id;

    private DataItem(byte[] raw, SignatureType signatureType, byte[] signature, byte[] owner, byte[] target,
                     byte[] anchor, List<Tag> tags, byte[] rawTags, int dataOffset) {
        this.raw = raw;
        this.signatureType = signatureType;
        this.signature = signature;
        this.owner = owner;
        this.target = target;
        this.anchor = anchor;
        this.tags = List.copyOf(tags);
        this.rawTags = rawTags;
        this.dataOffset = dataOffset;
        this.id = Base64Url.encode(Hashes.sha256(signature));
    }

    /** Parses exactly one data item: every byte of {@code raw} belongs to it. */
    public static DataItem parse(byte[] raw) throws Ans104Exception {
        if (raw == null) {
            throw new Ans104Exception("item", "no bytes");
        }
        ByteReader in = new ByteReader(raw);
        int code = in.u16le("signatureType");
        SignatureType type = SignatureType.fromCode(code)
                .orElseThrow(() -> new Ans104Exception("signatureType", "unsupported signature type " + code));
        byte[] signature = in.take(type.signatureLength(), "signature");
        byte[] owner = in.take(type.ownerLength(), "owner");
        byte[] target = optional32(in, "target");
        byte[] anchor = optional32(in, "anchor");
        long tagCount = in.u64le("tagCount");
        long tagBytes = in.u64le("tagBytes");
        if (tagCount > TagCodec.MAX_TAGS) {
            throw new Ans104Exception("tagCount", tagCount + " tags; at most " + TagCodec.MAX_TAGS + " are allowed");
        }
        if (tagBytes > TagCodec.MAX_TAG_BYTES) {
            throw new Ans104Exception("tagBytes", tagBytes + " tag bytes; at most " + TagCodec.MAX_TAG_BYTES + " are allowed");
        }
        byte[] rawTags = in.take(tagBytes, "tags");
        List<Tag> tags = TagCodec.decode(rawTags);
        if (tags.size() != tagCount) {
            throw new Ans104Exception("tagCount", "header says " + tagCount + " tags, the tag bytes hold " + tags.size());
        }
        TagCodec.checkLimits(tags, rawTags.length);
        return new DataItem(raw, type, signature, owner, target, anchor, tags, rawTags, in.position());
    }

    /**
     * Builds and signs a data item.
     *
     * @param target a b64url 32-byte id, or null
     * @param anchor 32 bytes, or null
     * @throws Ans104Exception when the target, anchor or tags break the format's rules
     */
    public static DataItem sign(Signer signer, String target, byte[] anchor, List<Tag> tags, byte[] data)
            throws Ans104Exception {
        byte[] targetBytes = null;
        if (target != null && !target.isEmpty()) {
            try {
                targetBytes = Base64Url.decode(target);
            } catch (IllegalArgumentException e) {
                throw new Ans104Exception("target", "not base64url");
            }
            if (targetBytes.length != 32) {
                throw new Ans104Exception("target", "must be 32 bytes, not " + targetBytes.length);
            }
        }
        if (anchor != null && anchor.length == 0) {
            anchor = null;
        }
        if (anchor != null && anchor.length != 32) {
            throw new Ans104Exception("anchor", "must be 32 bytes, not " + anchor.length);
        }
        byte[] rawTags = TagCodec.encode(tags);
        TagCodec.checkLimits(tags, rawTags.length);
        byte[] owner = signer.owner();
        SignatureType type = signer.type();
        if (owner.length != type.ownerLength()) {
            throw new Ans104Exception("owner", "a " + type + " owner has " + type.ownerLength() + " bytes, not " + owner.length);
        }
        byte[] payload = data == null ? new byte[0] : data;
        byte[] message = signatureMessage(type, owner, targetBytes, anchor, rawTags, payload);
        byte[] signature = signer.sign(message);
        if (signature.length != type.signatureLength()) {
            throw new Ans104Exception("signature", "a " + type + " signature has " + type.signatureLength() + " bytes");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 1200);
        out.write(type.code() & 0xff);
        out.write(type.code() >>> 8);
        out.writeBytes(signature);
        out.writeBytes(owner);
        writeOptional(out, targetBytes);
        writeOptional(out, anchor);
        writeU64(out, tags.size());
        writeU64(out, rawTags.length);
        out.writeBytes(rawTags);
        int dataOffset = out.size();
        out.writeBytes(payload);
        return new DataItem(out.toByteArray(), type, signature, owner, targetBytes, anchor, new ArrayList<>(tags), rawTags,
                dataOffset);
    }

    /** Whether the signature is valid for the owner over the item's deep hash. */
    public boolean verify() {
        return Signatures.verify(signatureType, owner, signatureMessage(), signature);
    }

    /** The deep hash the signature signs. */
    public byte[] signatureMessage() {
        return signatureMessage(signatureType, owner, target, anchor, rawTags, data());
    }

    public byte[] raw() {
        return raw.clone();
    }

    public int size() {
        return raw.length;
    }

    public String id() {
        return id;
    }

    public SignatureType signatureType() {
        return signatureType;
    }

    public byte[] signature() {
        return signature.clone();
    }

    public byte[] owner() {
        return owner.clone();
    }

    /** Ethereum keys: the EIP-55 address; other keys: b64url(SHA-256(owner)), Arweave's address. */
    public String ownerAddress() {
        return signatureType == SignatureType.ETHEREUM ? Ethereum.address(owner) : Base64Url.encode(Hashes.sha256(owner));
    }

    /** The target id (b64url), if any. */
    public Optional<String> target() {
        return Optional.ofNullable(target).map(Base64Url::encode);
    }

    public Optional<byte[]> anchorBytes() {
        return Optional.ofNullable(anchor).map(byte[]::clone);
    }

    /** The anchor as the reference library shows it: b64url of its 32 bytes. */
    public Optional<String> anchor() {
        return Optional.ofNullable(anchor).map(Base64Url::encode);
    }

    public List<Tag> tags() {
        return tags;
    }

    /** The Avro-encoded tag bytes as they are in the item. */
    public byte[] rawTags() {
        return rawTags.clone();
    }

    /** The first value of the tag, if present. */
    public Optional<String> tag(String name) {
        for (Tag tag : tags) {
            if (tag.name().equals(name)) {
                return Optional.of(tag.value());
            }
        }
        return Optional.empty();
    }

    public List<String> tagValues(String name) {
        return tags.stream().filter(tag -> tag.name().equals(name)).map(Tag::value).toList();
    }

    public byte[] data() {
        return Arrays.copyOfRange(raw, dataOffset, raw.length);
    }

    public int dataSize() {
        return raw.length - dataOffset;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataItem item && Arrays.equals(raw, item.raw);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "DataItem[" + id + ", " + signatureType + ", " + tags.size() + " tags, " + dataSize() + " data bytes]";
    }

    private static byte[] signatureMessage(SignatureType type, byte[] owner, byte[] target, byte[] anchor, byte[] rawTags,
                                           byte[] data) {
        return DeepHash.hash(List.of(DATAITEM, ONE, Integer.toString(type.code()).getBytes(StandardCharsets.US_ASCII),
                owner, target == null ? new byte[0] : target, anchor == null ? new byte[0] : anchor, rawTags, data));
    }

    private static byte[] optional32(ByteReader in, String field) throws Ans104Exception {
        int flag = in.u8(field);
        return switch (flag) {
            case 0 -> null;
            case 1 -> in.take(32, field);
            default -> throw new Ans104Exception(field, "presence byte must be 0 or 1, not " + flag);
        };
    }

    private static void writeOptional(ByteArrayOutputStream out, byte[] value) {
        if (value == null) {
            out.write(0);
        } else {
            out.write(1);
            out.writeBytes(value);
        }
    }

    private static void writeU64(ByteArrayOutputStream out, long value) {
        for (int i = 0; i < 8; i++) {
            out.write((int) (value >>> (8 * i)) & 0xff);
        }
    }
}

package dev.ao4j.cu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.DeepHash;
import dev.ao4j.arweave.ans104.SignatureType;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.ans104.TagCodec;
import dev.ao4j.cu.port.ItemCrypto;
import dev.ao4j.protocol.ProtocolException;
import dev.ao4j.protocol.TagJson;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Checks assignments by rebuilding the signed data item from the SU's JSON fields (an assignment has empty
 * data, so its JSON carries everything that was signed) and verifying it as any ANS-104 item.
 */
public final class Ans104Crypto implements ItemCrypto {
    private static final byte[] DATAITEM = "dataitem".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ONE = "1".getBytes(StandardCharsets.UTF_8);

    @Override
    public Optional<String> assignmentSigner(JsonNode assignment) {
        try {
            String id = assignment.path("id").asText("");
            byte[] owner = Base64Url.decode(assignment.path("owner").path("key").asText(""));
            byte[] signature = Base64Url.decode(assignment.path("signature").asText(""));
            Optional<SignatureType> type = typeOf(owner, signature);
            if (type.isEmpty()) {
                return Optional.empty();
            }
            List<Tag> tags = TagJson.fromJson(assignment.get("tags"), "assignment");
            String target = assignment.path("target").asText("");
            String anchor = assignment.hasNonNull("anchor") ? assignment.get("anchor").asText() : "";
            DataItem item = DataItem.parse(layout(type.get(), signature, owner, target, anchor, tags));
            return item.id().equals(id) && item.verify() ? Optional.of(item.ownerAddress()) : Optional.empty();
        } catch (IllegalArgumentException | Ans104Exception | ProtocolException e) {
            return Optional.empty();
        }
    }

    @Override
    public String contentHash(String target, String anchor, List<Tag> tags, byte[] data) {
        byte[] targetBytes = target == null || target.isEmpty() ? new byte[0] : decodeOrEmpty(target);
        byte[] anchorBytes = anchor == null ? new byte[0] : anchor.getBytes(StandardCharsets.UTF_8);
        return Base64Url.encode(DeepHash.hash(List.of(DATAITEM, ONE, ONE, new byte[0], targetBytes, anchorBytes,
                TagCodec.encode(tags), data)));
    }

    private static byte[] decodeOrEmpty(String b64) {
        try {
            return Base64Url.decode(b64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static Optional<SignatureType> typeOf(byte[] owner, byte[] signature) {
        for (SignatureType type : SignatureType.values()) {
            if (type.ownerLength() == owner.length && type.signatureLength() == signature.length) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The ANS-104 binary layout of an item with empty data. */
    private static byte[] layout(SignatureType type, byte[] signature, byte[] owner, String target, String anchor,
                                 List<Tag> tags) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1200);
        out.writeBytes(littleEndian(type.code(), 2));
        out.writeBytes(signature);
        out.writeBytes(owner);
        if (target.isEmpty()) {
            out.write(0);
        } else {
            out.write(1);
            out.writeBytes(Base64Url.decode(target));
        }
        byte[] anchorBytes = anchor.getBytes(StandardCharsets.UTF_8);
        if (anchorBytes.length == 0) {
            out.write(0);
        } else {
            out.write(1);
            out.writeBytes(anchorBytes);
        }
        byte[] encodedTags = tags.isEmpty() ? new byte[0] : TagCodec.encode(tags);
        out.writeBytes(littleEndian(tags.size(), 8));
        out.writeBytes(littleEndian(encodedTags.length, 8));
        out.writeBytes(encodedTags);
        return out.toByteArray();
    }

    private static byte[] littleEndian(long value, int bytes) {
        ByteBuffer buffer = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value);
        byte[] out = new byte[bytes];
        System.arraycopy(buffer.array(), 0, out, 0, bytes);
        return out;
    }
}

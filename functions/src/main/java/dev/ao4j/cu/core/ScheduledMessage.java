package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.protocol.TagJson;
import java.util.List;

/**
 * A message the SU scheduled, with the fields AO's CU feeds the module.
 *
 * @param owner       the signer's address
 * @param from        the {@code From-Process} tag when present (the message was pushed by an MU), else the owner
 * @param forwardedBy the signer when {@code From-Process} is present, else null
 * @param data        the data as text, or null when excluded
 * @param anchor      null when empty
 * @param tags        the tags as fed to the module (tags named From or Owner removed)
 * @param deepHash    for forwarded messages, the content hash that identifies a re-pushed duplicate; else null
 */
public record ScheduledMessage(String processId, long epoch, long nonce, long timestamp, long blockHeight,
                               String hashChain, String assignmentId, String id, String signature, String data,
                               String owner, String target, String anchor, String from, String forwardedBy,
                               List<Tag> tags, boolean isAssignment, String deepHash) implements EvalMessage {
    public ScheduledMessage {
        tags = List.copyOf(tags);
    }

    @Override
    public long ordinate() {
        return nonce;
    }

    @Override
    public String cron() {
        return null;
    }

    @Override
    public String messageId() {
        return id;
    }

    @Override
    public Position position(Position previous) {
        return new Position(timestamp, nonce, null, blockHeight, assignmentId, hashChain, epoch);
    }

    /** Field order and presence follow AO's CU message schema (undefined fields are left out). */
    @Override
    public ObjectNode toMsg() {
        ObjectNode msg = JsonNodeFactory.instance.objectNode();
        msg.put("Id", id);
        if (signature != null) {
            msg.put("Signature", signature);
        }
        if (data != null) {
            msg.put("Data", data);
        }
        msg.put("Owner", owner);
        msg.put("Target", target);
        if (anchor == null) {
            msg.putNull("Anchor");
        } else {
            msg.put("Anchor", anchor);
        }
        msg.put("From", from);
        if (forwardedBy != null) {
            msg.put("Forwarded-By", forwardedBy);
        }
        msg.set("Tags", TagJson.toJson(tags));
        msg.put("Epoch", epoch);
        msg.put("Nonce", nonce);
        msg.put("Timestamp", timestamp);
        msg.put("Block-Height", blockHeight);
        msg.put("Hash-Chain", hashChain);
        msg.put("Cron", false);
        msg.put("Read-Only", false);
        return msg;
    }
}

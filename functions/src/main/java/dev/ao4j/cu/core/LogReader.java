package dev.ao4j.cu.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.cu.port.ItemCrypto;
import dev.ao4j.cu.port.TransactionSource;
import dev.ao4j.protocol.HashChain;
import dev.ao4j.protocol.OwnerAddress;
import dev.ao4j.protocol.SlotTags;
import dev.ao4j.protocol.SuWire;
import dev.ao4j.protocol.TagJson;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Turns the SU's log entries into scheduled messages, checking each one on the way: its assignment names
 * this process, is signed by its owner, and extends the hash chain from the entry before it. A message the
 * SU only assigned (message null) is read from the permanent store, without the fields it excludes.
 */
public final class LogReader {
    private final String processId;
    private final String scheduler;
    private final ItemCrypto crypto;
    private final TransactionSource transactions;

    /** @param scheduler the process's {@code Scheduler} tag: the only key whose assignments are its log */
    public LogReader(String processId, String scheduler, ItemCrypto crypto, TransactionSource transactions) {
        this.processId = processId;
        this.scheduler = scheduler;
        this.crypto = crypto;
        this.transactions = transactions;
    }

    /** @param previous where evaluation stands; its assignment id and hash chain are the link to check */
    public ScheduledMessage read(JsonNode edgeNode, Position previous) {
        String where = "process " + processId + " log entry";
        SlotTags slot = SuWire.slot(edgeNode, where);
        where = "process " + processId + " slot " + slot.nonce();
        if (!processId.equals(slot.process())) {
            throw CuException.unprocessable(where + ": the assignment names process " + slot.process());
        }
        JsonNode assignment = edgeNode.get("assignment");
        String assignmentId = SuWire.text(assignment, "id", where + " assignment");
        checkHashChain(slot, previous, where);
        String signer = crypto.assignmentSigner(assignment).orElse(null);
        if (signer == null) {
            throw CuException.unprocessable(where + ": assignment " + assignmentId + " is not validly signed");
        }
        if (!signer.equals(scheduler)) {
            // Whoever answers at the scheduler's URL (a hijacked Scheduler-Location, a man in the middle) cannot
            // feed this CU a log: only the process's own Scheduler signs it.
            throw CuException.unprocessable(where + ": assignment " + assignmentId + " is signed by " + signer
                    + ", not by the process's Scheduler " + scheduler);
        }
        JsonNode message = edgeNode.get("message");
        return message == null || message.isNull()
                ? assigned(slot, assignmentId, where)
                : scheduled(slot, assignmentId, message, where);
    }

    private void checkHashChain(SlotTags slot, Position previous, String where) {
        String expected;
        if (slot.nonce() == 0) {
            expected = HashChain.first(processId);
        } else if (previous.assignmentId() != null && previous.hashChain() != null) {
            expected = HashChain.next(previous.assignmentId(), previous.hashChain());
        } else {
            return; // resumed from a point that did not record the link (as AO's CU, accept the chain as given)
        }
        if (!expected.equals(slot.hashChain())) {
            throw CuException.unprocessable("HashChain invalid on " + where + ": expected " + expected + ", got "
                    + slot.hashChain());
        }
    }

    private ScheduledMessage scheduled(SlotTags slot, String assignmentId, JsonNode message, String where) {
        JsonNode owner = SuWire.object(message, "owner", where + " message");
        String address = OwnerAddress.of(SuWire.text(owner, "address", where + " message owner"),
                SuWire.optionalText(owner, "key"));
        List<Tag> tags = TagJson.fromJson(message.get("tags"), where + " message");
        String data = SuWire.optionalText(message, "data");
        return build(slot, assignmentId, SuWire.text(message, "id", where + " message"),
                SuWire.optionalText(message, "signature"), data == null ? "" : data, address,
                SuWire.optionalText(message, "target"), SuWire.nonEmpty(SuWire.optionalText(message, "anchor")), tags,
                false);
    }

    private ScheduledMessage assigned(SlotTags slot, String assignmentId, String where) {
        if (slot.message() == null) {
            throw CuException.unprocessable(where + ": an assignment without a message must name one (Message tag)");
        }
        TransactionSource.Transaction tx = transactions.transaction(slot.message()).orElseThrow(() ->
                CuException.unavailable(where + ": assigned transaction " + slot.message()
                        + " is not on the permanent store yet", null));
        List<String> exclude = slot.exclude();
        String data = exclude.contains("Data") ? null : new String(tx.data(), StandardCharsets.UTF_8);
        String anchor = exclude.contains("Anchor") ? null : SuWire.nonEmpty(tx.anchor());
        List<Tag> tags = exclude.contains("Tags") ? List.of() : tx.tags();
        return build(slot, assignmentId, tx.id(), tx.signature(), data,
                OwnerAddress.of(tx.ownerAddress(), tx.ownerKey()), tx.target(), anchor, tags, true);
    }

    private ScheduledMessage build(SlotTags slot, String assignmentId, String id, String signature, String data,
                                   String owner, String ownTarget, String anchor, List<Tag> tags, boolean isAssignment) {
        String fromProcess = TagJson.first(tags, "From-Process").filter(value -> !value.isEmpty()).orElse(null);
        boolean forwarded = TagJson.first(tags, "From-Process").isPresent();
        // The signer is part of the key, unlike AO's CU: otherwise a stranger who re-signs a predictable outbox message
        // and pushes it first turns the genuine one into a skipped duplicate (docs/security.md).
        String deepHash = forwarded
                ? owner + "/" + crypto.contentHash(ownTarget, anchor, tags,
                        data == null ? new byte[0] : data.getBytes(StandardCharsets.UTF_8))
                : null;
        List<Tag> fedTags = tags.stream().filter(tag -> !tag.name().equals("From") && !tag.name().equals("Owner")).toList();
        String target = isAssignment ? (ownTarget == null ? "" : ownTarget) : slot.process();
        return new ScheduledMessage(processId, slot.epoch(), slot.nonce(), slot.timestamp(), slot.blockHeight(),
                slot.hashChain(), assignmentId, id, signature, data, owner, target, anchor,
                fromProcess != null ? fromProcess : owner, forwarded ? owner : null, fedTags, isAssignment, deepHash);
    }
}

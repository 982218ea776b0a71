package dev.ao4j.mu.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.mu.core.CrankStep.Assign;
import dev.ao4j.mu.core.CrankStep.Deliver;
import dev.ao4j.mu.core.CrankStep.NotifySpawned;
import dev.ao4j.mu.core.CrankStep.PullResult;
import dev.ao4j.mu.core.CrankStep.Spawn;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.mu.port.MessageArchive;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.mu.port.SignedItems;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs one crank step and answers the steps that follow from it. Every step is idempotent: an item it signs is
 * kept under the step's key and pushed as the same bytes when the step runs again, and the SU answers a repeated
 * id (or, for pushes, repeated content) with the slot it already gave it.
 */
public final class Crank {
    private final Wallet wallet;
    private final Schedulers schedulers;
    private final ComputeUnit compute;
    private final MessageArchive archive;
    private final SignedItems signed;

    public Crank(Wallet wallet, Schedulers schedulers, ComputeUnit compute, MessageArchive archive, SignedItems signed) {
        this.wallet = wallet;
        this.schedulers = schedulers;
        this.compute = compute;
        this.archive = archive;
        this.signed = signed;
    }

    public String address() {
        return wallet.address();
    }

    public List<CrankStep> run(CrankStep step) {
        return switch (step) {
            case PullResult pull -> pull(pull);
            case Deliver deliver -> deliver(deliver);
            case Spawn spawn -> spawn(spawn);
            case NotifySpawned notice -> notifySpawned(notice);
            case Assign assign -> assign(assign);
        };
    }

    /** The steps that deliver a result's outbox, in outbox order: messages, spawns, then assignments. */
    public static List<CrankStep> outboxSteps(String sender, String resultKey, JsonNode result, String pushedFor) {
        Outbox outbox = Outbox.of(result);
        List<CrankStep> steps = new ArrayList<>();
        for (int i = 0; i < outbox.messages().size(); i++) {
            steps.add(new Deliver(sender, resultKey, i, pushedFor, outbox.messages().get(i)));
        }
        for (int i = 0; i < outbox.spawns().size(); i++) {
            steps.add(new Spawn(sender, resultKey, i, pushedFor, outbox.spawns().get(i)));
        }
        for (Outbox.Assignment assignment : outbox.assignments()) {
            for (String process : assignment.processes()) {
                steps.add(new Assign(process, assignment.message(), assignment.baseLayer(), assignment.exclude(), pushedFor,
                        sender));
            }
        }
        return steps;
    }

    private List<CrankStep> pull(PullResult pull) {
        JsonNode result = compute.result(pull.messageId(), pull.processId());
        List<CrankStep> next = outboxSteps(pull.processId(), pull.messageId(), result, pull.pushedFor());
        if (pull.then() != null) {
            next.add(pull.then());
        }
        return next;
    }

    private List<CrankStep> deliver(Deliver deliver) {
        Outbox.Message message = deliver.message();
        Optional<ProcessRecord> target = schedulers.process(message.target());
        byte[] raw = signOnce(deliver.key(), () -> {
            ProcessRecord sender = sender(deliver.sender());
            return sign(message.target(), message.anchor(), OutboxTags.message(message.tags(), sender.id(),
                    sender.module(), deliver.pushedFor()), message.data());
        });
        if (target.isEmpty()) {
            archive.store(parse(raw)); // a wallet: the message is kept on the permanent store, nothing to crank
            return List.of();
        }
        Receipt receipt = schedulers.push(target.get().scheduler(), raw);
        return List.of(new PullResult(target.get().id(), receipt.id(), deliver.pushedFor()));
    }

    private List<CrankStep> spawn(Spawn spawn) {
        ProcessRecord parent = sender(spawn.parent());
        byte[] raw = signOnce(spawn.key(), () -> sign(null, spawn.spawn().anchor(),
                OutboxTags.process(spawn.spawn().tags(), parent, spawn.pushedFor()), spawn.spawn().data()));
        DataItem process = parse(raw);
        String scheduler = process.tag("Scheduler").orElseThrow();
        Receipt receipt = schedulers.push(scheduler, raw);
        NotifySpawned notice = new NotifySpawned(parent.id(), receipt.id(), spawn.resultKey(), spawn.index(),
                spawn.pushedFor(), spawn.spawn());
        return List.of(new PullResult(receipt.id(), receipt.id(), spawn.pushedFor(), notice));
    }

    private List<CrankStep> notifySpawned(NotifySpawned notice) {
        ProcessRecord parent = sender(notice.parent());
        byte[] raw = signOnce(notice.key(), () -> sign(parent.id(), notice.spawn().anchor(),
                OutboxTags.spawned(notice.spawn().tags(), parent.id(), notice.child(), notice.pushedFor()), ""));
        Receipt receipt = schedulers.push(parent.scheduler(), raw);
        return List.of(new PullResult(parent.id(), receipt.id(), notice.pushedFor()));
    }

    private List<CrankStep> assign(Assign assign) {
        schedulers.assign(assign.processId(), assign.transactionId(), assign.baseLayer(), assign.exclude());
        return List.of(new PullResult(assign.processId(), assign.transactionId(), assign.pushedFor()));
    }

    private ProcessRecord sender(String processId) {
        return schedulers.process(processId).orElseThrow(() ->
                MuException.notFound("process " + processId + " is known to no scheduler"));
    }

    private byte[] signOnce(String key, Supplier<DataItem> signer) {
        Optional<byte[]> kept = signed.find(key);
        return kept.orElseGet(() -> signed.putIfAbsent(key, signer.get().raw()));
    }

    private DataItem sign(String target, String anchor, List<Tag> tags, String data) {
        byte[] bytes = data == null || data.isEmpty() ? new byte[] {' '} : data.getBytes(StandardCharsets.UTF_8);
        try {
            return DataItem.sign(wallet, target, Outbox.anchorBytes(anchor), tags, bytes);
        } catch (Ans104Exception e) {
            throw MuException.badRequest("the outbox entry cannot be signed as a data item: " + e.getMessage());
        }
    }

    private static DataItem parse(byte[] raw) {
        try {
            return DataItem.parse(raw);
        } catch (Ans104Exception e) {
            throw new IllegalStateException("a stored signed item does not parse: " + e.getMessage(), e);
        }
    }
}

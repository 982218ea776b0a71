package dev.ao4j.mu.core;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.mu.core.CrankStep.Assign;
import dev.ao4j.mu.core.CrankStep.Deliver;
import dev.ao4j.mu.core.CrankStep.PullResult;
import dev.ao4j.mu.core.Intake.UserMessage;
import dev.ao4j.mu.core.Intake.UserProcess;
import dev.ao4j.mu.port.ComputeUnit;
import dev.ao4j.mu.port.Monitors;
import dev.ao4j.mu.port.Schedulers;
import dev.ao4j.mu.port.StepSink;
import dev.ao4j.protocol.VerifiedItem;
import java.util.ArrayList;
import java.util.List;

/**
 * The MU's use cases behind its HTTP API. Each answers only after the SU accepted the write and the first
 * crank step is stored on the queue; a refused request queues nothing.
 */
public final class Messenger {
    private final Schedulers schedulers;
    private final ComputeUnit compute;
    private final StepSink steps;
    private final Monitors monitors;

    public Messenger(Schedulers schedulers, ComputeUnit compute, StepSink steps, Monitors monitors) {
        this.schedulers = schedulers;
        this.compute = compute;
        this.steps = steps;
        this.monitors = monitors;
    }

    /** Forwards a user's Message or Process to its SU and starts the crank; answers the item's id. */
    public String accept(byte[] body) {
        return accept(Intake.verified(body));
    }

    /** {@link #accept(byte[])} for an item the caller has verified already. */
    public String accept(VerifiedItem verified) {
        Intake.AoItem item = Intake.aoItem(verified);
        return switch (item) {
            case UserMessage message -> {
                ProcessRecord target = known(message.target());
                Receipt receipt = schedulers.push(target.scheduler(), verified);
                steps.enqueue(List.of(new PullResult(target.id(), receipt.id(), receipt.id())));
                yield message.item().id();
            }
            case UserProcess process -> {
                Receipt receipt = schedulers.push(process.scheduler(), verified);
                List<CrankStep> next = new ArrayList<>(List.of(new PullResult(receipt.id(), receipt.id(), receipt.id())));
                process.item().target().ifPresent(target ->
                        next.add(new Assign(target, receipt.id(), false, List.of(), receipt.id(), receipt.id())));
                steps.enqueue(next);
                yield process.item().id();
            }
        };
    }

    /** Assigns an existing transaction to a process and cranks its result; answers the assignment's id. */
    public String assign(String processId, String transactionId, boolean baseLayer, List<String> exclude) {
        if (processId == null || transactionId == null) {
            throw MuException.badRequest("an assignment needs both process-id and assign");
        }
        if (!Base64Url.isId(processId) || !Base64Url.isId(transactionId)) {
            throw MuException.badRequest("process-id and assign must be 43-character ids");
        }
        ProcessRecord process = known(processId);
        Receipt receipt = schedulers.assign(process.id(), transactionId, baseLayer, exclude);
        steps.enqueue(List.of(new PullResult(process.id(), transactionId, transactionId)));
        return receipt.id();
    }

    /**
     * Pushes outbox message {@code number} of the result of {@code messageId} in {@code processId} again (AO's
     * {@code POST /push/:id/:n}), for a message that never reached its target. It is the crank's own deliver step —
     * same key, same stored signature — so a message that did arrive is not delivered twice.
     */
    public void push(String processId, String messageId, String number) {
        if (processId == null || processId.isBlank()) {
            throw MuException.badRequest("a push needs the process-id of the message's process");
        }
        if (number == null || !number.matches("\\d{1,9}")) {
            throw MuException.badRequest("'number' parameter must be a valid number");
        }
        if (!Base64Url.isId(messageId)) {
            throw MuException.badRequest("'" + messageId + "' is not a 43-character message id");
        }
        ProcessRecord process = known(processId);
        List<Outbox.Message> messages = Outbox.of(compute.result(messageId, process.id())).messages();
        int index = Integer.parseInt(number);
        if (index >= messages.size()) {
            throw MuException.badRequest("message number " + index + " does not exist in the result of " + messageId
                    + ", which has " + messages.size() + " outbox message(s)");
        }
        steps.enqueue(List.of(new Deliver(process.id(), messageId, index, messageId, messages.get(index))));
    }

    /** Subscribes the process to cron cranking; the body is an item signed by the caller, targeting it. */
    public void monitor(String processId, byte[] body) {
        monitors.add(subscriptionTarget(processId, body).id());
    }

    /**
     * Unsubscribes the process from cron cranking. Only its owner may: the body must be an item the owner signed,
     * or anyone could stop every process's crons (403 otherwise).
     */
    public void unmonitor(String processId, byte[] body) {
        ProcessRecord process = subscriptionTarget(processId, body);
        String signer = Intake.signedItem(body).ownerAddress();
        String owner = process.owner();
        if (owner == null) {
            throw MuException.unavailable("the SU of process " + process.id() + " did not say who owns it; retry", null);
        }
        if (!owner.equals(signer)) {
            throw new MuException(403, "only the owner of process " + process.id() + " may stop its monitoring; the "
                    + "request is signed by " + signer);
        }
        if (!monitors.remove(process.id())) {
            throw MuException.notFound("process " + process.id() + " is not monitored");
        }
    }

    private ProcessRecord subscriptionTarget(String processId, byte[] body) {
        DataItem item = Intake.signedItem(body);
        String target = item.target().orElseThrow(() ->
                MuException.badRequest("the monitor request item must target the process"));
        if (!target.equals(processId)) {
            throw MuException.badRequest("the item targets " + target + ", not the process " + processId);
        }
        return known(processId);
    }

    private ProcessRecord known(String processId) {
        if (!Base64Url.isId(processId)) {
            throw MuException.badRequest("'" + processId + "' is not a 43-character process id");
        }
        return schedulers.process(processId).orElseThrow(() ->
                MuException.notFound("process " + processId + " not found: no scheduler knows it"));
    }
}

package dev.ao4j.mu.core;

import java.util.List;

/**
 * One step of the crank, carried by one queue task. {@link #key()} is the task id (deterministic, see
 * {@link TaskKeys}); {@link #group()} the queue group: steps of one group run one at a time, in order.
 *
 * <p>Groups: a process's result pull runs in the group of that process, and each push of its outbox in the
 * <em>lane</em> of the sender and where the push goes ({@link #lane}): a message and an assignment in the lane of
 * the sender and the target process, a spawn in the lane of the parent and the spawn's scheduler. So the messages
 * one process sends to one target reach it in the order it sent them, a target whose SU is slow or unreachable
 * (retried with backoff, then dead-lettered) holds back only its own lane, not the sender's other targets nor its
 * result pulls, and different processes crank in parallel.
 */
public sealed interface CrankStep {
    String key();

    String group();

    /**
     * The queue group of pushes from {@code sender} toward {@code destination}: {@code sender>destination}, or with
     * the destination hashed when it is not a plain id (a group is at most 128 printable ASCII characters).
     */
    static String lane(String sender, String destination) {
        String plain = sender + ">" + destination;
        return plain.length() <= 128 && plain.matches("[\\x21-\\x7E]+") ? plain
                : sender + ">" + TaskKeys.of("lane", destination);
    }

    /** {@code pushedFor}: the id of the user message that started this chain (absent for crons). */
    String pushedFor();

    /** Read the result of {@code messageId} from the CU and queue its outbox; then {@code then}, if any. */
    record PullResult(String processId, String messageId, String pushedFor, NotifySpawned then) implements CrankStep {
        public PullResult(String processId, String messageId, String pushedFor) {
            this(processId, messageId, pushedFor, null);
        }

        @Override
        public String key() {
            return TaskKeys.of("pull", processId, messageId);
        }

        @Override
        public String group() {
            return processId;
        }
    }

    /** Sign outbox message {@code index} of {@code resultKey} for {@code sender}, push it, then pull its result. */
    record Deliver(String sender, String resultKey, int index, String pushedFor, Outbox.Message message)
            implements CrankStep {
        @Override
        public String key() {
            return TaskKeys.of("deliver", sender, resultKey, Integer.toString(index));
        }

        @Override
        public String group() {
            return CrankStep.lane(sender, message.target());
        }
    }

    /** Sign spawn {@code index} of {@code resultKey} as a Process item, push it, pull its boot result, notify. */
    record Spawn(String parent, String resultKey, int index, String pushedFor, Outbox.Spawn spawn) implements CrankStep {
        @Override
        public String key() {
            return TaskKeys.of("spawn", parent, resultKey, Integer.toString(index));
        }

        @Override
        public String group() {
            String scheduler = spawn.tags().stream().filter(tag -> tag.name().equals("Scheduler"))
                    .map(dev.ao4j.arweave.ans104.Tag::value).findFirst().orElse("");
            return CrankStep.lane(parent, "spawn:" + scheduler);
        }
    }

    /** Tell the parent its spawn is {@code child} ({@code Action: Spawned}), push it and pull its result. */
    record NotifySpawned(String parent, String child, String resultKey, int index, String pushedFor, Outbox.Spawn spawn)
            implements CrankStep {
        @Override
        public String key() {
            return TaskKeys.of("spawned", parent, resultKey, Integer.toString(index));
        }

        @Override
        public String group() {
            return parent;
        }
    }

    /** Assign {@code transactionId} to {@code processId} on its SU, then pull the result. */
    record Assign(String processId, String transactionId, boolean baseLayer, List<String> exclude, String pushedFor,
                  String origin) implements CrankStep {
        public Assign {
            exclude = List.copyOf(exclude);
        }

        @Override
        public String key() {
            return TaskKeys.of("assign", origin, processId, transactionId);
        }

        @Override
        public String group() {
            return origin == null ? processId : CrankStep.lane(origin, processId);
        }
    }
}

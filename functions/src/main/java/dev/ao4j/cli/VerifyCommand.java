package dev.ao4j.cli;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.cli.client.NodeClient;
import dev.ao4j.cli.client.NodeException;
import dev.ao4j.cli.verify.CuCheck;
import dev.ao4j.cli.verify.ProcessLog;
import dev.ao4j.cli.verify.Replay;
import dev.ao4j.cli.verify.Slot;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ao4j verify --process ID}: replays the process in a fresh CU in this JVM and compares, slot by slot, the
 * memory and result hashes that each CU attests with the replay's. Exit 0 when a quorum of CUs agrees at every
 * slot, 1 when not because a CU differs (the first diverging slot is named), 2 when it cannot verify.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {"Replay a process independently and check each CU's attested memory and result hashes "
                + "against the replay at every slot.",
                "Exit 0: a quorum of CUs agrees; 1: a CU diverges (the first diverging slot is printed); "
                        + "2: cannot verify."})
final class VerifyCommand implements Callable<Integer> {
    static final int VERIFIED = 0;
    static final int DIVERGES = 1;
    static final int CANNOT_VERIFY = 2;

    @Option(names = "--process", required = true, paramLabel = "ID", description = "The process id.")
    String process;

    @Option(names = "--to", paramLabel = "SLOT", description = "The last slot (nonce) to check. Default: the latest.")
    Long to;

    @Option(names = "--cu", paramLabel = "URL",
            description = "A CU to check (e.g. http://host:8734/cu); repeatable. Default: the node's CU.")
    List<String> cus = new ArrayList<>();

    @Option(names = "--quorum", paramLabel = "K",
            description = "How many CUs must agree at every slot. Default: all of them.")
    Integer quorum;

    @Mixin
    NodeOptions node;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try {
            String problem = badArguments();
            if (problem != null) {
                return cannotVerify(problem);
            }
            NodeClient client = node.connect();
            List<String> units = cus.isEmpty() ? List.of(client.urls().cu()) : cus;
            int needed = quorum == null ? units.size() : quorum;
            if (needed > units.size()) {
                return cannotVerify("--quorum " + needed + " is more than the " + units.size() + " CUs given");
            }
            List<Slot> slots = ProcessLog.slots(client, process, to);
            if (slots.isEmpty()) {
                return cannotVerify("process " + process + " has no slots" + (to == null ? "" : " up to " + to));
            }
            List<CuCheck.Outcome> outcomes = new ArrayList<>();
            try (Replay replay = new Replay(client.urls().gateway())) {
                replay.evaluate(process, slots.getLast());
                for (String cu : units) {
                    outcomes.add(CuCheck.check(client, cu, process, slots, replay));
                }
            }
            return report(out, slots, outcomes, needed);
        } catch (NodeException e) {
            return cannotVerify(e.status() == 404 ? "unknown process " + process + ": " + e.getMessage() : e.getMessage());
        } catch (Exception e) {
            return cannotVerify("the replay failed: " + e.getMessage());
        }
    }

    private String badArguments() {
        if (!Base64Url.isId(process)) {
            return "--process must be a 43-character id, not '" + process + "'";
        }
        if (to != null && to < 0) {
            return "--to must be a slot number (0 or more)";
        }
        if (quorum != null && quorum < 1) {
            return "--quorum must be at least 1";
        }
        return null;
    }

    private int report(PrintWriter out, List<Slot> slots, List<CuCheck.Outcome> outcomes, int needed) {
        out.printf("process %s: %d slots checked (nonce %d to %d), replayed from its first message%n", process,
                slots.size(), slots.getFirst().nonce(), slots.getLast().nonce());
        for (CuCheck.Outcome outcome : outcomes) {
            out.println("  " + outcome.cu() + ": " + switch (outcome) {
                case CuCheck.Agrees a -> "agrees at every slot" + (a.memoryUnstated() == 0 ? ""
                        : " (" + a.memoryUnstated() + " results without a memory hash: result hash only)");
                case CuCheck.Differs d -> "diverges at nonce " + d.slot().nonce();
                case CuCheck.Unavailable u -> "unavailable: " + u.reason();
            });
        }
        long agreeing = outcomes.stream().filter(CuCheck.Agrees.class::isInstance).count();
        boolean met = agreeing >= needed;
        out.printf("%d of %d CUs agree with the replay (quorum %d): %s%n", agreeing, outcomes.size(), needed,
                met ? "verified" : "not verified");
        Optional<CuCheck.Differs> first = outcomes.stream().filter(CuCheck.Differs.class::isInstance)
                .map(CuCheck.Differs.class::cast).min(Comparator.comparingLong(d -> d.slot().nonce()));
        first.ifPresent(d -> out.printf("first divergence: nonce %d, message %s, CU %s: %s%n", d.slot().nonce(),
                d.slot().messageId(), d.cu(), d.what()));
        out.flush();
        return met ? VERIFIED : first.isPresent() ? DIVERGES : CANNOT_VERIFY;
    }

    private int cannotVerify(String why) {
        spec.commandLine().getErr().println("ao4j verify: cannot verify: " + why);
        spec.commandLine().getErr().flush();
        return CANNOT_VERIFY;
    }
}

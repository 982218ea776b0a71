package dev.ao4j.cu;

import dev.ao4j.cu.core.ComputeService;
import dev.ao4j.wasm.WasmEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CU about to be killed: over the world in {@code args[0]}, as CU {@code args[1]}, it asks for the result of
 * each message listed in {@code args[2]} (process id on the first line) and prints {@code DONE <index>} after
 * each, until it is killed.
 */
public final class CuCrashChild {
    private CuCrashChild() {}

    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[2]));
        String process = lines.getFirst();
        List<AutoCloseable> closers = new ArrayList<>();
        try (WasmEngine engine = WasmEngine.create(); AosWorld world = AosWorld.open(Path.of(args[0]))) {
            ComputeService cu = world.cu(engine, args[1], AosWorld.settings(Integer.parseInt(args[3]), false), List.of(), closers);
            for (int i = 1; i < lines.size(); i++) {
                cu.result(lines.get(i), process);
                System.out.println("DONE " + i);
                System.out.flush();
            }
            System.out.println("FINISHED");
            Thread.sleep(Long.MAX_VALUE);
        }
    }
}

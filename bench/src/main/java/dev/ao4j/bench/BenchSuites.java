package dev.ao4j.bench;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The registry of benchmark suites, in the order {@code ./ao4j bench} runs them. */
public final class BenchSuites {
    /** Suite name → factory, in running order. A new suite is one line here. */
    static final Map<String, Supplier<BenchSuite>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("crypto", CryptoBench::new);
        ALL.put("su", SuBench::new);
        ALL.put("store", StoreBench::new);
        ALL.put("cu", CuBench::new);
        ALL.put("cu-node", CuNodeBench::new);
        ALL.put("mu", MuBench::new);
        ALL.put("e2e", E2eBench::new);
        ALL.put("scale", ScaleBench::new);
    }

    private BenchSuites() {}

    static List<BenchSuite> select(List<String> names) {
        List<BenchSuite> out = new ArrayList<>();
        if (names.isEmpty()) {
            ALL.values().forEach(factory -> out.add(factory.get()));
            return out;
        }
        for (String name : names) {
            Supplier<BenchSuite> factory = ALL.get(name);
            if (factory == null) {
                throw new IllegalArgumentException("unknown benchmark suite '" + name + "'; known: " + ALL.keySet());
            }
            out.add(factory.get());
        }
        return out;
    }

    /** Completion candidates for picocli. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return ALL.keySet().iterator();
        }
    }
}

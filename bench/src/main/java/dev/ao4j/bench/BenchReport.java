package dev.ao4j.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;

/** Prints benchmark rows as one readable table, or as the JSON array every {@code ./ao4j bench} offers. */
public final class BenchReport {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private BenchReport() {}

    public static void print(List<BenchRow> rows, boolean json, PrintStream out) {
        if (json) {
            try {
                out.println(JSON.writeValueAsString(rows));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            return;
        }
        int nameWidth = Math.max(9, rows.stream().mapToInt(r -> r.benchmark().length()).max().orElse(0));
        int versusWidth = Math.max(6, rows.stream().mapToInt(r -> r.versus() == null ? 0 : r.versus().length()).max().orElse(0));
        String format = "%-" + nameWidth + "s  %14s  %-10s  %-" + versusWidth + "s  %8s%n";
        out.printf(format, "benchmark", "figure", "unit", "versus", "ratio");
        for (BenchRow row : rows) {
            out.printf(Locale.ROOT, format, row.benchmark(), formatFigure(row.figure()), row.unit(),
                    row.versus() == null ? "" : row.versus(),
                    row.ratio() == null ? "" : String.format(Locale.ROOT, "%.3f", row.ratio()));
        }
    }

    private static String formatFigure(double figure) {
        if (figure >= 1000) {
            return String.format(Locale.ROOT, "%,.0f", figure);
        }
        return String.format(Locale.ROOT, figure >= 10 ? "%.1f" : "%.3f", figure);
    }
}

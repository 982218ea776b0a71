package dev.ao4j.bench;

/**
 * One measured figure, printed as a table row or as JSON. {@code versus} names what the figure is compared
 * with (the reference implementation or the physical limit) and {@code ratio} is figure ÷ that reference,
 * or null when there is nothing to compare with.
 */
public record BenchRow(String benchmark, double figure, String unit, String versus, Double ratio) {
    public static BenchRow of(String benchmark, double figure, String unit) {
        return new BenchRow(benchmark, figure, unit, null, null);
    }

    public static BenchRow versus(String benchmark, double figure, String unit, String versus, double reference) {
        return new BenchRow(benchmark, figure, unit, versus, reference == 0 ? null : figure / reference);
    }
}

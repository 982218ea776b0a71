package dev.ao4j.arweave.store;

/** Block heights from {@code min} to {@code max}, both inclusive; a null bound is open. */
public record HeightRange(Long min, Long max) {
    public static final HeightRange ANY = new HeightRange(null, null);

    public boolean contains(long height) {
        return (min == null || height >= min) && (max == null || height <= max);
    }
}

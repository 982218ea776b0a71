package dev.ao4j.arweave.store;

/** Part of an item's data: {@code bytes} start at {@code offset}; {@code totalSize} is the whole data's size. */
public record DataSlice(byte[] bytes, long offset, long totalSize) {
    public boolean isWhole() {
        return offset == 0 && bytes.length == totalSize;
    }
}

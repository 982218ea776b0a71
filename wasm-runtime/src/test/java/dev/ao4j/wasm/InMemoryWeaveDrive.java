package dev.ao4j.wasm;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/** A WeaveDrive holding the data of a few transactions in memory (no transaction or block headers). */
final class InMemoryWeaveDrive implements WeaveDrive {
    private final Map<String, byte[]> data;

    InMemoryWeaveDrive(Map<String, byte[]> data) {
        this.data = Map.copyOf(data);
    }

    Map<String, byte[]> data() {
        return data;
    }

    @Override
    public Optional<Long> dataSize(String txId) {
        return Optional.ofNullable(data.get(txId)).map(bytes -> (long) bytes.length);
    }

    @Override
    public byte[] readData(String txId, long offset, int length) {
        byte[] bytes = data.get(txId);
        int from = (int) Math.min(offset, bytes.length);
        return Arrays.copyOfRange(bytes, from, (int) Math.min(bytes.length, from + (long) length));
    }

    @Override
    public Optional<byte[]> txJson(String txId) {
        return Optional.empty();
    }

    @Override
    public Optional<byte[]> blockJson(long height) {
        return Optional.empty();
    }
}

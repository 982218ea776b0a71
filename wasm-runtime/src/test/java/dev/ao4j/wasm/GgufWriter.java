package dev.ao4j.wasm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GGUF v3 file (the format llama.cpp loads): header, metadata key/values, tensor infos, then the F32
 * tensor data, each tensor aligned to {@link #ALIGNMENT}. Little-endian throughout; only the value types a small
 * model needs.
 */
final class GgufWriter {
    static final int ALIGNMENT = 32;
    private static final int VERSION = 3;
    private static final int TYPE_UINT32 = 4;
    private static final int TYPE_INT32 = 5;
    private static final int TYPE_FLOAT32 = 6;
    private static final int TYPE_STRING = 8;
    private static final int TYPE_ARRAY = 9;
    private static final int GGML_TYPE_F32 = 0;

    private final Bytes metadata = new Bytes();
    private int metadataCount;
    private final List<Tensor> tensors = new ArrayList<>();

    /** ne: the dimensions innermost first, as ggml counts them (a matrix of {@code rows} rows is {cols, rows}). */
    private record Tensor(String name, long[] ne, float[] data) {}

    GgufWriter string(String key, String value) {
        header(key, TYPE_STRING).string(value);
        return this;
    }

    GgufWriter uint32(String key, int value) {
        header(key, TYPE_UINT32).int32(value);
        return this;
    }

    GgufWriter float32(String key, float value) {
        header(key, TYPE_FLOAT32).float32(value);
        return this;
    }

    GgufWriter strings(String key, List<String> values) {
        header(key, TYPE_ARRAY).int32(TYPE_STRING).int64(values.size());
        values.forEach(metadata::string);
        return this;
    }

    GgufWriter float32s(String key, float[] values) {
        header(key, TYPE_ARRAY).int32(TYPE_FLOAT32).int64(values.length);
        for (float v : values) {
            metadata.float32(v);
        }
        return this;
    }

    GgufWriter int32s(String key, int[] values) {
        header(key, TYPE_ARRAY).int32(TYPE_INT32).int64(values.length);
        for (int v : values) {
            metadata.int32(v);
        }
        return this;
    }

    GgufWriter tensor(String name, float[] data, long... ne) {
        long count = 1;
        for (long n : ne) {
            count *= n;
        }
        if (count != data.length) {
            throw new IllegalArgumentException(name + ": " + data.length + " values for dimensions of " + count);
        }
        tensors.add(new Tensor(name, ne.clone(), data));
        return this;
    }

    private Bytes header(String key, int type) {
        metadataCount++;
        return metadata.string(key).int32(type);
    }

    byte[] toBytes() {
        Bytes out = new Bytes();
        out.raw("GGUF".getBytes(StandardCharsets.US_ASCII)).int32(VERSION).int64(tensors.size()).int64(metadataCount);
        out.raw(metadata.toByteArray());
        long offset = 0;
        for (Tensor t : tensors) {
            out.string(t.name).int32(t.ne.length);
            for (long n : t.ne) {
                out.int64(n);
            }
            out.int32(GGML_TYPE_F32).int64(offset);
            offset = align(offset + 4L * t.data.length);
        }
        out.pad();
        for (Tensor t : tensors) {
            for (float v : t.data) {
                out.float32(v);
            }
            out.pad();
        }
        return out.toByteArray();
    }

    private static long align(long n) {
        return (n + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    /** A little-endian byte sink. */
    private static final class Bytes {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteBuffer scratch = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN);

        Bytes raw(byte[] bytes) {
            out.writeBytes(bytes);
            return this;
        }

        Bytes int32(int v) {
            return raw(scratch.clear().putInt(v).array(), 4);
        }

        Bytes int64(long v) {
            return raw(scratch.clear().putLong(v).array(), 8);
        }

        Bytes float32(float v) {
            return raw(scratch.clear().putFloat(v).array(), 4);
        }

        /** A GGUF string: its UTF-8 length as a uint64, then the bytes (no terminator). */
        Bytes string(String s) {
            byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
            return int64(utf8.length).raw(utf8);
        }

        /** Zeros up to the next multiple of the alignment (of the whole file, as the data section requires). */
        Bytes pad() {
            while (out.size() % ALIGNMENT != 0) {
                out.write(0);
            }
            return this;
        }

        private Bytes raw(byte[] bytes, int length) {
            out.write(bytes, 0, length);
            return this;
        }

        byte[] toByteArray() {
            return out.toByteArray();
        }
    }
}

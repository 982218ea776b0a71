package dev.ao4j.cu.adapter;

import dev.ao4j.cu.core.CuException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** Sizes and unpacks gzipped process memory. */
public final class GzipSize {
    private GzipSize() {}

    /** The uncompressed size, counted by inflating (the gzip trailer only holds it modulo 4 GiB). */
    public static long uncompressed(byte[] gzipped) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
            byte[] buffer = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
            }
            return total;
        } catch (IOException e) {
            throw CuException.unprocessable("process memory is not valid gzip: " + e.getMessage());
        }
    }

    /** The whole memory; the caller bounds its size (memory limits are at most a few GiB). */
    public static byte[] gunzip(byte[] gzipped) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw CuException.unprocessable("process memory is not valid gzip: " + e.getMessage());
        }
    }
}

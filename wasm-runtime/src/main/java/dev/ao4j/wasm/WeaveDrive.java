package dev.ao4j.wasm;

import java.util.Optional;

/**
 * The permanent-storage port the WeaveDrive imports read through ({@code /data/<id>}, {@code /tx/<id>},
 * {@code /block/<height>}). The CU implements it over its Arweave adapter; {@link #NONE} finds nothing.
 * Implementations must be deterministic for a given process history (same bytes for the same id).
 */
public interface WeaveDrive {
    /** The size in bytes of the data of transaction {@code txId}, or empty when it is unknown. */
    Optional<Long> dataSize(String txId);

    /** Up to {@code length} bytes of the data of {@code txId} from {@code offset}. */
    byte[] readData(String txId, long offset, int length);

    /** The JSON of transaction {@code txId} (as a gateway's {@code /tx/<id>}, plus {@code ownerAddress}). */
    Optional<byte[]> txJson(String txId);

    /** The JSON of the block at {@code height} (as a gateway's {@code /block/height/<h>}). */
    Optional<byte[]> blockJson(long height);

    /** A drive with nothing on it: every open fails, as with the reference loader without WeaveDrive. */
    WeaveDrive NONE = new WeaveDrive() {
        @Override
        public Optional<Long> dataSize(String txId) {
            return Optional.empty();
        }

        @Override
        public byte[] readData(String txId, long offset, int length) {
            return new byte[0];
        }

        @Override
        public Optional<byte[]> txJson(String txId) {
            return Optional.empty();
        }

        @Override
        public Optional<byte[]> blockJson(long height) {
            return Optional.empty();
        }
    };
}

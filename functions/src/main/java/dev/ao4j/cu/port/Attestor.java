package dev.ao4j.cu.port;

import dev.ao4j.cu.port.ResultStore.Evaluation;

/** Signs the CU's statement about one evaluation (process, message, slot, memory SHA-256, result SHA-256). */
public interface Attestor {
    /** A signed ANS-104 data item: its id and raw bytes. */
    record Attestation(String id, byte[] raw) {}

    /** The CU wallet address that signs. */
    String address();

    Attestation attest(Evaluation evaluation);
}

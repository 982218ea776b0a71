package dev.ao4j.cli.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import dev.ao4j.cu.adapter.WalletAttestor;
import dev.ao4j.cu.port.Attestor;
import dev.ao4j.cu.port.ResultStore.Evaluation;
import org.junit.jupiter.api.Test;

/** An attestation's stated hashes count only if its signed item states the same; differences name both sides. */
class AttestedTest {
    private static final String PROCESS = "P".repeat(43);
    private static final String MESSAGE = "M".repeat(43);
    private static final Evaluation EVALUATION = new Evaluation(PROCESS, 1000, 1, null, MESSAGE, 1, 0, 5, null, false,
            false, "{\"Output\":\"2\"}", "a".repeat(64));

    @Test
    void aSignedAttestationIsReadAndAgreesWithTheEvaluationItStates() {
        Attested attested = Attested.of(attestation(EVALUATION), PROCESS, MESSAGE);
        assertEquals(Attested.of(EVALUATION), attested);
        assertNull(Attested.of(EVALUATION).difference(attested));
    }

    @Test
    void statedHashesThatAreNotTheSignedOnesAreRefused() {
        ObjectNode forgedMemory = attestation(EVALUATION).put("memorySha256", "b".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> Attested.of(forgedMemory, PROCESS, MESSAGE));
        ObjectNode forgedResult = attestation(EVALUATION).put("resultSha256", "c".repeat(64));
        assertThrows(IllegalArgumentException.class, () -> Attested.of(forgedResult, PROCESS, MESSAGE));
        assertThrows(IllegalArgumentException.class, () -> Attested.of(attestation(EVALUATION), PROCESS, PROCESS));
    }

    @Test
    void aDifferenceNamesBothHashesAndAnUnstatedMemoryHashIsNotCompared() {
        Attested replay = Attested.of(EVALUATION);
        String what = replay.difference(new Attested("b".repeat(64), "c".repeat(64)));
        assertTrue(what.contains("memory SHA-256: replay " + "a".repeat(64) + ", CU " + "b".repeat(64)), what);
        assertTrue(what.contains("result SHA-256: replay " + replay.resultSha256() + ", CU " + "c".repeat(64)), what);
        assertNull(replay.difference(new Attested(null, replay.resultSha256())));
    }

    /** The JSON a CU serves for the evaluation, signed by a new CU wallet. */
    private static ObjectNode attestation(Evaluation evaluation) {
        Attestor.Attestation signed = new WalletAttestor(Wallets.generate(WalletType.ED25519)).attest(evaluation);
        return JsonNodeFactory.instance.objectNode().put("memorySha256", evaluation.memorySha256())
                .put("resultSha256", evaluation.resultSha256()).put("item", Base64Url.encode(signed.raw()));
    }
}

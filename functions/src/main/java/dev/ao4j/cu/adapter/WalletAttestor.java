package dev.ao4j.cu.adapter;

import dev.ao4j.arweave.ans104.Ans104Exception;
import dev.ao4j.arweave.ans104.DataItem;
import dev.ao4j.arweave.ans104.Tag;
import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.cu.port.Attestor;
import dev.ao4j.cu.port.ResultStore.Evaluation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Attestations signed by the CU wallet: a data item whose data is the result JSON exactly as served and whose
 * tags say which evaluation it is and the SHA-256 of the memory after it. Anyone holding it can replay the
 * process to that slot and compare.
 */
public final class WalletAttestor implements Attestor {
    private final Wallet wallet;

    public WalletAttestor(Wallet wallet) {
        this.wallet = wallet;
    }

    @Override
    public String address() {
        return wallet.address();
    }

    @Override
    public Attestation attest(Evaluation evaluation) {
        List<Tag> tags = new ArrayList<>();
        tags.add(new Tag("Data-Protocol", "ao"));
        tags.add(new Tag("Variant", "ao.TN.1"));
        tags.add(new Tag("Type", "Evaluation"));
        tags.add(new Tag("Process", evaluation.processId()));
        if (evaluation.messageId() != null) {
            tags.add(new Tag("Message", evaluation.messageId()));
            tags.add(new Tag("Nonce", Long.toString(evaluation.nonce())));
        }
        if (evaluation.cron() != null) {
            tags.add(new Tag("Cron", evaluation.cron()));
        }
        tags.add(new Tag("Ordinate", Long.toString(evaluation.ordinate())));
        tags.add(new Tag("Timestamp", Long.toString(evaluation.timestamp())));
        tags.add(new Tag("Block-Height", Long.toString(evaluation.blockHeight())));
        if (evaluation.memorySha256() != null) {
            tags.add(new Tag("Memory-SHA-256", evaluation.memorySha256()));
        }
        tags.add(new Tag("Content-Type", "application/json"));
        try {
            DataItem item = DataItem.sign(wallet, null, null, tags, evaluation.result().getBytes(StandardCharsets.UTF_8));
            return new Attestation(item.id(), item.raw());
        } catch (Ans104Exception e) {
            throw new IllegalStateException("attestation tags out of ANS-104 limits: " + e.getMessage(), e);
        }
    }
}

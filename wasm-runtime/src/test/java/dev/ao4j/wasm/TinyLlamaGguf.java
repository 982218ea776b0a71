package dev.ao4j.wasm;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A tiny llama-architecture model as a GGUF file, made from a seed: one layer, a 16-wide embedding, 2 heads and
 * a SentencePiece-style ({@code llama}) vocabulary of the specials, the 256 byte tokens (llama.cpp needs them,
 * e.g. for the newline) and the pieces of a few words. Its weights are random, so what it writes is nonsense,
 * but every step of loading, tokenizing and decoding in llama.cpp runs as with a real model.
 */
final class TinyLlamaGguf {
    static final int EMBEDDING = 16;
    static final int HEADS = 2;
    static final int FEED_FORWARD = 32;
    static final int CONTEXT = 256;
    /** SentencePiece's word-start marker, which stands for a space. */
    private static final String SPACE = "\u2581";
    private static final List<String> WORDS = List.of("the", "cat", "sat", "on", "mat", "a", "dog", "ran", "to",
            "park", "and", "big", "red", "sun", "in", "sky");
    // llama.cpp's token types.
    private static final int NORMAL = 1;
    private static final int UNKNOWN = 2;
    private static final int CONTROL = 3;
    private static final int BYTE = 6;

    private TinyLlamaGguf() {}

    static byte[] create(long seed) {
        List<String> tokens = new ArrayList<>(List.of("<unk>", "<s>", "</s>"));
        List<Integer> types = new ArrayList<>(List.of(UNKNOWN, CONTROL, CONTROL));
        for (int b = 0; b < 256; b++) {
            tokens.add(String.format("<0x%02X>", b));
            types.add(BYTE);
        }
        for (String piece : pieces()) {
            tokens.add(piece);
            types.add(NORMAL);
        }
        int vocab = tokens.size();
        float[] scores = new float[vocab];
        for (int i = 0; i < vocab; i++) {
            // The tokenizer merges the pair whose joined piece scores highest: longer pieces win, as in a real vocab.
            scores[i] = types.get(i) == NORMAL ? tokens.get(i).length() : 0f;
        }
        Random random = new Random(seed);
        GgufWriter gguf = new GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", "tiny-test-llama")
                .uint32("llama.context_length", CONTEXT)
                .uint32("llama.embedding_length", EMBEDDING)
                .uint32("llama.block_count", 1)
                .uint32("llama.feed_forward_length", FEED_FORWARD)
                .uint32("llama.attention.head_count", HEADS)
                .uint32("llama.attention.head_count_kv", HEADS)
                .uint32("llama.rope.dimension_count", EMBEDDING / HEADS)
                .float32("llama.attention.layer_norm_rms_epsilon", 1e-5f)
                .string("tokenizer.ggml.model", "llama")
                .strings("tokenizer.ggml.tokens", tokens)
                .float32s("tokenizer.ggml.scores", scores)
                .int32s("tokenizer.ggml.token_type", types.stream().mapToInt(Integer::intValue).toArray())
                .uint32("tokenizer.ggml.unknown_token_id", 0)
                .uint32("tokenizer.ggml.bos_token_id", 1)
                .uint32("tokenizer.ggml.eos_token_id", 2);
        gguf.tensor("token_embd.weight", weights(random, EMBEDDING * vocab), EMBEDDING, vocab)
                .tensor("blk.0.attn_norm.weight", ones(EMBEDDING), EMBEDDING)
                .tensor("blk.0.attn_q.weight", weights(random, EMBEDDING * EMBEDDING), EMBEDDING, EMBEDDING)
                .tensor("blk.0.attn_k.weight", weights(random, EMBEDDING * EMBEDDING), EMBEDDING, EMBEDDING)
                .tensor("blk.0.attn_v.weight", weights(random, EMBEDDING * EMBEDDING), EMBEDDING, EMBEDDING)
                .tensor("blk.0.attn_output.weight", weights(random, EMBEDDING * EMBEDDING), EMBEDDING, EMBEDDING)
                .tensor("blk.0.ffn_norm.weight", ones(EMBEDDING), EMBEDDING)
                .tensor("blk.0.ffn_gate.weight", weights(random, EMBEDDING * FEED_FORWARD), EMBEDDING, FEED_FORWARD)
                .tensor("blk.0.ffn_down.weight", weights(random, FEED_FORWARD * EMBEDDING), FEED_FORWARD, EMBEDDING)
                .tensor("blk.0.ffn_up.weight", weights(random, EMBEDDING * FEED_FORWARD), EMBEDDING, FEED_FORWARD)
                .tensor("output_norm.weight", ones(EMBEDDING), EMBEDDING)
                .tensor("output.weight", outputWeights(random, types), EMBEDDING, vocab);
        return gguf.toBytes();
    }

    /** Every word with the word-start marker, and each of its prefixes, so that the tokenizer can merge up to it. */
    private static Set<String> pieces() {
        Set<String> pieces = new LinkedHashSet<>();
        for (String word : WORDS) {
            String marked = SPACE + word;
            for (int end = 1; end <= marked.length(); end++) {
                pieces.add(marked.substring(0, end));
            }
            for (char c : word.toCharArray()) {
                pieces.add(String.valueOf(c));
            }
        }
        return pieces;
    }

    /**
     * The byte tokens and the specials get zero rows, so their logits are 0: the model mostly writes word pieces
     * (another token wins only where every word piece scores below zero) and rarely ends its text at once.
     */
    private static float[] outputWeights(Random random, List<Integer> types) {
        float[] w = new float[EMBEDDING * types.size()];
        for (int token = 0; token < types.size(); token++) {
            for (int i = 0; i < EMBEDDING; i++) {
                float v = (float) random.nextGaussian();
                w[token * EMBEDDING + i] = types.get(token) == NORMAL ? v : 0f;
            }
        }
        return w;
    }

    private static float[] weights(Random random, int count) {
        float[] w = new float[count];
        for (int i = 0; i < count; i++) {
            w[i] = (float) (random.nextGaussian() * 0.5);
        }
        return w;
    }

    private static float[] ones(int count) {
        float[] w = new float[count];
        Arrays.fill(w, 1f);
        return w;
    }
}

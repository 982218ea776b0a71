package dev.ao4j.arweave.ans104;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Feeds mutated items (bit flips, truncation, extension, forged length fields, random tag bytes) to the
 * parser: each one either parses (and then verifies or not) or is refused with an {@link Ans104Exception} —
 * never another exception, never an allocation sized by a forged field.
 */
class Ans104FuzzTest {
    private static final int MUTANTS = 100_000;

    @Test
    void everyMutantIsValidOrATypedError() throws Exception {
        Wallet wallet = Wallets.generate(WalletType.ED25519);
        List<DataItem> seeds = List.of(
                DataItem.sign(wallet, "t".repeat(43), "a".repeat(32).getBytes(StandardCharsets.UTF_8),
                        List.of(new Tag("Data-Protocol", "ao"), new Tag("Type", "Message"), new Tag("Action", "Eval")),
                        "return 1 + 1".getBytes(StandardCharsets.UTF_8)),
                DataItem.sign(wallet, null, null, List.of(), new byte[0]),
                DataItem.sign(Wallets.generate(WalletType.ETHEREUM), null, null, List.of(new Tag("a", "b")), new byte[100]));
        SplittableRandom random = new SplittableRandom(20261125);
        int parsed = 0;
        int refused = 0;
        for (int i = 0; i < MUTANTS; i++) {
            // secp256k1 verification is the slow one: one mutant in ten starts from the Ethereum item
            byte[] seed = seeds.get(i % 10 == 0 ? 2 : i % 2).raw();
            byte[] mutant = mutate(seed, random);
            try {
                DataItem item = DataItem.parse(mutant);
                item.verify();
                item.ownerAddress();
                parsed++;
            } catch (Ans104Exception expected) {
                assertTrue(expected.field() != null && !expected.field().isEmpty());
                refused++;
            } catch (RuntimeException | OutOfMemoryError unexpected) {
                fail("mutant " + i + " escaped as " + unexpected, unexpected);
            }
        }
        assertTrue(parsed > 0 && refused > MUTANTS / 4, "the mutants exercise both paths: " + parsed + " / " + refused);
    }

    private static byte[] mutate(byte[] seed, SplittableRandom random) {
        byte[] bytes = seed.clone();
        switch (random.nextInt(6)) {
            case 0 -> { // flip a few bits
                for (int n = 1 + random.nextInt(4); n > 0; n--) {
                    bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> bytes = Arrays.copyOf(bytes, random.nextInt(bytes.length)); // truncate
            case 2 -> { // extend with junk
                bytes = Arrays.copyOf(bytes, bytes.length + 1 + random.nextInt(64));
                for (int j = seed.length; j < bytes.length; j++) {
                    bytes[j] = (byte) random.nextInt(256);
                }
            }
            case 3 -> { // forge the tag count or tag length fields (u64 LE after the target/anchor flags)
                int at = 2 + 64 + 32 + random.nextInt(Math.max(1, bytes.length - 98));
                for (int j = 0; j < 8 && at + j < bytes.length; j++) {
                    bytes[at + j] = (byte) random.nextInt(256);
                }
            }
            case 4 -> bytes[random.nextInt(Math.min(2, bytes.length))] = (byte) random.nextInt(8); // signature type
            default -> { // random bytes in the middle
                int from = random.nextInt(bytes.length);
                int to = Math.min(bytes.length, from + 1 + random.nextInt(32));
                for (int j = from; j < to; j++) {
                    bytes[j] = (byte) random.nextInt(256);
                }
            }
        }
        return bytes;
    }
}

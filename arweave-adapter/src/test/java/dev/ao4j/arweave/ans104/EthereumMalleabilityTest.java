package dev.ao4j.arweave.ans104;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ao4j.arweave.wallet.Wallet;
import dev.ao4j.arweave.wallet.WalletType;
import dev.ao4j.arweave.wallet.Wallets;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One Ethereum signature has one encoding: no high s, no v that is not 27/28 recovering the owner. */
class EthereumMalleabilityTest {
    static final Wallet WALLET = Wallets.generate(WalletType.ETHEREUM);
    static final BigInteger N = Ethereum.CURVE.getN();

    static byte[] malleate(byte[] raw, boolean flipS, int v) {
        byte[] copy = raw.clone();
        if (flipS) {
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 34, 66));
            System.arraycopy(Ethereum.unsigned32(N.subtract(s)), 0, copy, 34, 32);
        }
        copy[66] = (byte) v;
        return copy;
    }

    @Test
    void theSignerEmitsLowSAndARecoveringV() throws Exception {
        for (int i = 0; i < 64; i++) {
            DataItem item = DataItem.sign(WALLET, null, null, List.of(new Tag("I", Integer.toString(i))),
                    ("message " + i).getBytes(StandardCharsets.UTF_8));
            byte[] raw = item.raw();
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(raw, 34, 66));
            assertTrue(s.compareTo(N.shiftRight(1)) <= 0, "low s");
            assertTrue(raw[66] == 27 || raw[66] == 28, "v is 27 or 28");
            assertTrue(DataItem.parse(raw).verify());
        }
    }

    @Test
    void everyOtherEncodingOfTheSameSignatureIsRefused() throws Exception {
        DataItem item = DataItem.sign(WALLET, "t".repeat(43), null, List.of(new Tag("Action", "Transfer")),
                "100".getBytes(StandardCharsets.UTF_8));
        byte[] raw = item.raw();
        int v = raw[66];
        int otherV = v == 27 ? 28 : 27;
        assertFalse(DataItem.parse(malleate(raw, true, otherV)).verify(), "high s with the matching v");
        assertFalse(DataItem.parse(malleate(raw, true, v)).verify(), "high s");
        assertFalse(DataItem.parse(malleate(raw, false, otherV)).verify(), "v recovering another key");
        assertFalse(DataItem.parse(malleate(raw, false, v - 27)).verify(), "v as 0/1");
        for (int any : new int[] {0, 1, 2, 26, 29, 0x42, 0xff}) {
            assertFalse(DataItem.parse(malleate(raw, false, any)).verify(), "v = " + any);
        }
        assertTrue(DataItem.parse(raw).verify(), "the genuine item");
    }
}

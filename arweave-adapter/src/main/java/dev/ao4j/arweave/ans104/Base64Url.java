package dev.ao4j.arweave.ans104;

import java.util.Base64;

/** Unpadded base64url, as Arweave writes ids, owners and signatures. Decoding also accepts padding. */
public final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    public static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** @throws IllegalArgumentException when the text is not base64url */
    public static byte[] decode(String text) {
        return DECODER.decode(text);
    }

    /** True when the text is a 43-character base64url encoding of 32 bytes (an Arweave id or address). */
    public static boolean isId(String text) {
        if (text == null || text.length() != 43) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}

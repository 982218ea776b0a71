package dev.ao4j.arweave.ans104;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * Arweave's deep hash (SHA-384) over nested blobs and lists: what ANS-104 signatures sign. A blob is
 * {@code byte[]}; a list is a {@code List} of blobs and lists.
 */
public final class DeepHash {
    private DeepHash() {}

    public static byte[] hash(Object blobOrList) {
        if (blobOrList instanceof byte[] blob) {
            byte[] tag = sha384(("blob" + blob.length).getBytes(StandardCharsets.US_ASCII));
            return sha384(tag, sha384(blob));
        }
        if (blobOrList instanceof List<?> list) {
            byte[] acc = sha384(("list" + list.size()).getBytes(StandardCharsets.US_ASCII));
            for (Object element : list) {
                acc = sha384(acc, hash(element));
            }
            return acc;
        }
        throw new IllegalArgumentException("deep hash takes byte[] or List, not " + blobOrList.getClass().getName());
    }

    static byte[] sha384(byte[]... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-384");
            for (byte[] part : parts) {
                digest.update(part);
            }
            return digest.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-384 is missing from this JVM", e);
        }
    }
}

package dev.ao4j.arweave.httpsig;

import dev.ao4j.arweave.ans104.Base64Url;
import dev.ao4j.arweave.ans104.Hashes;
import dev.ao4j.arweave.ans104.Signatures;
import dev.ao4j.arweave.httpsig.StructuredFields.Item;
import dev.ao4j.arweave.httpsig.StructuredFields.Member;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verifies RFC 9421 HTTP message signatures as AO's HyperBEAM nodes take them ({@code httpsig@1.0}): algorithm
 * {@code rsa-pss-sha512}, {@code keyid} the base64url RSA modulus of an Arweave wallet, and the body bound through
 * a covered {@code content-digest} (RFC 9530). Every signature on the request must verify. Sources: permaweb/HyperBEAM
 * {@code src/dev_codec_httpsig.erl} (verify, signature base) and {@code @permaweb/ao-core-libs} 0.0.9 (the signer
 * aoconnect ships).
 */
public final class HttpSignatures {
    /** HyperBEAM's algorithm for wallet signatures; its {@code hmac-sha256} commitments carry no signer. */
    public static final String ALGORITHM = "rsa-pss-sha512";
    private static final Set<String> DERIVED = Set.of("@method", "@target-uri", "@authority", "@scheme",
            "@request-target", "@path", "@query");

    /** A key that signed the request: its Arweave address, what it covered, and its signature. */
    public record Signer(String address, byte[] owner, List<String> covered, byte[] signature) {
        /** Whether the body is bound to the signature through a covered, matching {@code content-digest}. */
        public boolean coversBody() {
            return covered.contains("content-digest");
        }
    }

    private HttpSignatures() {}

    /**
     * The signers of a signed request.
     *
     * @throws HttpSigException when a signature is malformed, uses anything but {@code rsa-pss-sha512}, has expired,
     *                          covers a component the request lacks, or does not verify
     */
    public static List<Signer> verify(SignedRequest request, Instant now) {
        String inputField = request.header("signature-input")
                .orElseThrow(() -> new HttpSigException("a Signature header without Signature-Input"));
        String signatureField = request.header("signature")
                .orElseThrow(() -> new HttpSigException("a Signature-Input header without Signature"));
        Map<String, Member> inputs = StructuredFields.dictionary(inputField);
        Map<String, Member> signatures = StructuredFields.dictionary(signatureField);
        if (inputs.isEmpty()) {
            throw new HttpSigException("Signature-Input names no signature");
        }
        List<Signer> signers = new ArrayList<>();
        for (Map.Entry<String, Member> input : inputs.entrySet()) {
            Member signature = signatures.get(input.getKey());
            if (signature == null || signature.item() == null || !(signature.item().value() instanceof byte[] bytes)) {
                throw new HttpSigException("no signature bytes for '" + input.getKey() + "' in the Signature header");
            }
            signers.add(verifyOne(input.getKey(), input.getValue(), bytes, request, now));
        }
        return List.copyOf(signers);
    }

    private static Signer verifyOne(String label, Member input, byte[] signature, SignedRequest request, Instant now) {
        if (input.innerList() == null) {
            throw new HttpSigException("signature '" + label + "': Signature-Input must be an inner list of components");
        }
        Map<String, Object> params = input.params();
        if (!ALGORITHM.equals(params.get("alg"))) {
            throw new HttpSigException("signature '" + label + "': only alg=\"" + ALGORITHM + "\" is accepted, not "
                    + params.get("alg"));
        }
        if (params.get("expires") instanceof Long expires && Instant.ofEpochSecond(expires).isBefore(now)) {
            throw new HttpSigException("signature '" + label + "' expired at " + Instant.ofEpochSecond(expires));
        }
        byte[] owner = keyOwner(label, params.get("keyid"));
        List<String> covered = covered(label, input);
        if (covered.contains("content-digest")) {
            checkDigest(request);
        }
        String base = signatureBase(covered, input.text(), request);
        if (!Signatures.verifyRsaPssSha512(owner, base.getBytes(StandardCharsets.UTF_8), signature)) {
            throw new HttpSigException("signature '" + label + "' does not verify");
        }
        return new Signer(Base64Url.encode(Hashes.sha256(owner)), owner, covered, signature);
    }

    private static byte[] keyOwner(String label, Object keyId) {
        if (!(keyId instanceof String text)) {
            throw new HttpSigException("signature '" + label + "': keyid must name the RSA key (base64url modulus)");
        }
        byte[] owner;
        try {
            owner = Base64Url.decode(text);
        } catch (IllegalArgumentException e) {
            throw new HttpSigException("signature '" + label + "': keyid is not base64url");
        }
        if (owner.length < 256 || owner.length > 1024) {
            throw new HttpSigException("signature '" + label + "': keyid is not a 2048- to 8192-bit RSA modulus");
        }
        return owner;
    }

    private static List<String> covered(String label, Member input) {
        List<String> names = new ArrayList<>();
        for (Item component : input.innerList()) {
            if (!(component.value() instanceof String name) || !component.params().isEmpty()) {
                throw new HttpSigException("signature '" + label + "': covered components must be plain strings");
            }
            if (name.startsWith("@") && !DERIVED.contains(name)) {
                throw new HttpSigException("signature '" + label + "': unsupported derived component " + name);
            }
            if (name.equals("signature") || name.equals("signature-input") || names.contains(name)) {
                throw new HttpSigException("signature '" + label + "' may not cover " + name + " or repeat a component");
            }
            names.add(name);
        }
        return names;
    }

    /** RFC 9421 §2.5: one line per covered component, then the signature parameters as Signature-Input has them. */
    static String signatureBase(List<String> covered, String params, SignedRequest request) {
        StringBuilder base = new StringBuilder();
        for (String name : covered) {
            base.append('"').append(name).append("\": ").append(value(name, request)).append('\n');
        }
        return base.append("\"@signature-params\": ").append(params).toString();
    }

    private static String value(String name, SignedRequest request) {
        String path = request.path().isEmpty() ? "/" : request.path();
        String query = request.query() == null ? "" : request.query();
        return switch (name) {
            case "@method" -> request.method().toUpperCase(java.util.Locale.ROOT);
            case "@scheme" -> request.scheme().toLowerCase(java.util.Locale.ROOT);
            case "@authority" -> request.authority().toLowerCase(java.util.Locale.ROOT);
            case "@path" -> path;
            case "@query" -> "?" + query;
            case "@request-target" -> request.query() == null ? path : path + "?" + query;
            case "@target-uri" -> request.scheme() + "://" + request.authority() + path
                    + (request.query() == null ? "" : "?" + query);
            default -> request.header(name).orElseThrow(() ->
                    new HttpSigException("the signature covers " + name + ", which the request does not carry"));
        };
    }

    /** RFC 9530: every digest the request names for its body must match it. */
    private static void checkDigest(SignedRequest request) {
        Map<String, Member> digests = StructuredFields.dictionary(request.header("content-digest").orElseThrow(() ->
                new HttpSigException("the signature covers content-digest, which the request does not carry")));
        int checked = 0;
        for (Map.Entry<String, Member> digest : digests.entrySet()) {
            String algorithm = switch (digest.getKey()) {
                case "sha-256" -> "SHA-256";
                case "sha-512" -> "SHA-512";
                default -> null;
            };
            if (algorithm == null) {
                continue;
            }
            if (digest.getValue().item() == null || !(digest.getValue().item().value() instanceof byte[] expected)
                    || !MessageDigest.isEqual(expected, hash(algorithm, request.body()))) {
                throw new HttpSigException("the body does not match its content-digest " + digest.getKey());
            }
            checked++;
        }
        if (checked == 0) {
            throw new HttpSigException("content-digest names neither sha-256 nor sha-512");
        }
    }

    private static byte[] hash(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.ao4j.arweave.httpsig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.arweave.ans104.Base64Url;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpSignaturesTest {
    private static final Instant NOW = Instant.parse("2026-12-07T00:00:00Z");
    private static KeyPair key;

    @BeforeAll
    static void key() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        key = generator.generateKeyPair();
    }

    @Test
    void aRequestSignedByAoCoreLibsVerifiesAsItsWallet() throws Exception {
        JsonNode fixture = fixture();
        List<HttpSignatures.Signer> signers = HttpSignatures.verify(request(fixture, Map.of()), NOW);
        assertEquals(1, signers.size());
        assertEquals(fixture.get("address").asText(), signers.get(0).address());
        assertEquals(List.of("action", "data", "signing-format"), signers.get(0).covered());
        assertFalse(signers.get(0).coversBody());
    }

    @Test
    void aCoveredHeaderChangedInTransitFails() throws Exception {
        SignedRequest tampered = request(fixture(), Map.of("action", "Eval"));
        HttpSigException refused = assertThrows(HttpSigException.class, () -> HttpSignatures.verify(tampered, NOW));
        assertTrue(refused.getMessage().contains("does not verify"), refused.getMessage());
    }

    @Test
    void aSignatureMovedToAnotherKeyFails() throws Exception {
        JsonNode fixture = fixture();
        String input = fixture.get("headers").get("signature-input").asText();
        String otherKey = Base64Url.encode(withoutSign(((RSAPublicKey) key.getPublic()).getModulus().toByteArray()));
        String swapped = input.replaceAll("keyid=\"[^\"]+\"", "keyid=\"" + otherKey + "\"");
        assertThrows(HttpSigException.class, () -> HttpSignatures.verify(request(fixture, Map.of("signature-input", swapped)), NOW));
    }

    @Test
    void aBodyIsBoundByItsContentDigest() throws Exception {
        byte[] body = "the body".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        headers.put("content-digest", List.of("sha-256=:" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(body)) + ":"));
        headers.put("action", List.of("Eval"));
        SignedRequest signed = sign(new SignedRequest("POST", "http", "127.0.0.1:1", "/p", null, headers, body),
                List.of("@method", "@path", "action", "content-digest"), "");
        HttpSignatures.Signer signer = HttpSignatures.verify(signed, NOW).get(0);
        assertTrue(signer.coversBody());
        assertArrayEquals(((RSAPublicKey) key.getPublic()).getModulus().toByteArray(), withSign(signer.owner()));

        SignedRequest otherBody = new SignedRequest("POST", "http", "127.0.0.1:1", "/p", null, signed.headers(),
                "another body".getBytes(StandardCharsets.UTF_8));
        HttpSigException refused = assertThrows(HttpSigException.class, () -> HttpSignatures.verify(otherBody, NOW));
        assertTrue(refused.getMessage().contains("content-digest"), refused.getMessage());

        SignedRequest otherPath = new SignedRequest("POST", "http", "127.0.0.1:1", "/q", null, signed.headers(), body);
        assertThrows(HttpSigException.class, () -> HttpSignatures.verify(otherPath, NOW));
    }

    @Test
    void anExpiredSignatureOrAnotherAlgorithmIsRefused() throws Exception {
        SignedRequest base = new SignedRequest("GET", "http", "h", "/", null, Map.of("a", List.of("1")), null);
        SignedRequest expired = sign(base, List.of("a"), ";expires=" + NOW.minusSeconds(1).getEpochSecond());
        assertTrue(assertThrows(HttpSigException.class, () -> HttpSignatures.verify(expired, NOW)).getMessage()
                .contains("expired"));
        SignedRequest stillValid = sign(base, List.of("a"), ";expires=" + NOW.plusSeconds(60).getEpochSecond());
        assertEquals(1, HttpSignatures.verify(stillValid, NOW).size());

        SignedRequest hmac = withHeader(sign(base, List.of("a"), ""), "signature-input",
                header(sign(base, List.of("a"), ""), "signature-input").replace("rsa-pss-sha512", "hmac-sha256"));
        assertTrue(assertThrows(HttpSigException.class, () -> HttpSignatures.verify(hmac, NOW)).getMessage()
                .contains("alg"));
    }

    @Test
    void malformedOrIncompleteSignaturesAreRefusedWithAReason() {
        SignedRequest onlyInput = new SignedRequest("GET", "http", "h", "/", null,
                Map.of("signature-input", List.of("s=(\"a\");alg=\"rsa-pss-sha512\"")), null);
        assertThrows(HttpSigException.class, () -> HttpSignatures.verify(onlyInput, NOW));
        for (String input : List.of("s=(\"a\"", "S=(\"a\")", "s=(\"a\" 1)", "s=(\"@status\");alg=\"rsa-pss-sha512\";keyid=\"x\"",
                "s=(\"a\";sf);alg=\"rsa-pss-sha512\"", "s=(\"a\"),")) {
            SignedRequest malformed = new SignedRequest("GET", "http", "h", "/", null,
                    Map.of("signature-input", List.of(input), "signature", List.of("s=:AAAA:"), "a", List.of("1")), null);
            assertThrows(HttpSigException.class, () -> HttpSignatures.verify(malformed, NOW), input);
        }
        StringBuilder many = new StringBuilder("a=?1");
        for (int i = 0; i < 20; i++) {
            many.append(", k").append(i).append("=?1");
        }
        assertThrows(HttpSigException.class, () -> StructuredFields.dictionary(many.toString()));
    }

    @Test
    void theSignatureBaseIsRfc9421s() {
        SignedRequest request = new SignedRequest("post", "http", "Example.com", "/foo", "param=Value&Pet=dog",
                Map.of("Content-Type", List.of("application/json"), "X-Two", List.of(" a ", "b")), null);
        assertEquals("""
                "@method": POST
                "@authority": example.com
                "@path": /foo
                "@query": ?param=Value&Pet=dog
                "@target-uri": http://Example.com/foo?param=Value&Pet=dog
                "content-type": application/json
                "x-two": a, b
                "@signature-params": ("@method");created=1""", HttpSignatures.signatureBase(
                List.of("@method", "@authority", "@path", "@query", "@target-uri", "content-type", "x-two"),
                "(\"@method\");created=1", request));
    }

    private static JsonNode fixture() throws Exception {
        try (InputStream in = HttpSignaturesTest.class.getResourceAsStream("/httpsig/ao-core-libs-dry-run.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static SignedRequest request(JsonNode fixture, Map<String, String> replaced) {
        URI url = URI.create(fixture.get("url").asText());
        Map<String, List<String>> headers = new LinkedHashMap<>();
        fixture.get("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), List.of(h.getValue().asText())));
        replaced.forEach((name, value) -> headers.put(name, List.of(value)));
        return new SignedRequest(fixture.get("method").asText(), url.getScheme(), url.getRawAuthority(), url.getRawPath(),
                url.getRawQuery(), headers, null);
    }

    /** Signs as RFC 9421 and HyperBEAM do, with the digest-length salt a WebCrypto signer uses. */
    private static SignedRequest sign(SignedRequest request, List<String> covered, String extraParams) throws Exception {
        byte[] modulus = withoutSign(((RSAPublicKey) key.getPublic()).getModulus().toByteArray());
        String params = "(" + String.join(" ", covered.stream().map(c -> "\"" + c + "\"").toList()) + ")"
                + ";alg=\"rsa-pss-sha512\";keyid=\"" + Base64Url.encode(modulus) + "\"" + extraParams;
        Signature signer = Signature.getInstance("RSASSA-PSS");
        signer.setParameter(new PSSParameterSpec("SHA-512", "MGF1", MGF1ParameterSpec.SHA512, 64, 1));
        signer.initSign(key.getPrivate());
        signer.update(HttpSignatures.signatureBase(covered, params, request).getBytes(StandardCharsets.UTF_8));
        SignedRequest withInput = withHeader(request, "signature-input", "sig1=" + params);
        return withHeader(withInput, "signature", "sig1=:" + Base64.getEncoder().encodeToString(signer.sign()) + ":");
    }

    private static SignedRequest withHeader(SignedRequest request, String name, String value) {
        Map<String, List<String>> headers = new LinkedHashMap<>(request.headers());
        headers.put(name, List.of(value));
        return new SignedRequest(request.method(), request.scheme(), request.authority(), request.path(), request.query(),
                headers, request.body());
    }

    private static String header(SignedRequest request, String name) {
        return request.header(name).orElseThrow();
    }

    private static byte[] withoutSign(byte[] twosComplement) {
        return twosComplement[0] == 0 ? java.util.Arrays.copyOfRange(twosComplement, 1, twosComplement.length) : twosComplement;
    }

    private static byte[] withSign(byte[] magnitude) {
        return new java.math.BigInteger(1, magnitude).toByteArray();
    }
}

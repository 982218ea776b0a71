package dev.ao4j.mainnet;

import dev.ao4j.arweave.httpsig.HttpSigException;
import dev.ao4j.arweave.httpsig.HttpSignatures;
import dev.ao4j.arweave.httpsig.SignedRequest;
import dev.ao4j.http.ApiException;
import dev.ao4j.protocol.VerifiedItem;
import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Tells who makes a mainnet request, verifying whatever signature it carries; a signature that fails is a 400. */
final class Callers {
    private Callers() {}

    /**
     * An HTTP message signature when the request has one; else the body's ANS-104 item when there is a body; else
     * nobody. A request may not carry both: a signature over headers says nothing of an item in the body.
     */
    static Caller of(HttpServerRequest http, byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        // Only a request that carries a signature is copied into the verifier's form (most carry an item instead).
        if (http.headers().contains("Signature") || http.headers().contains("Signature-Input")) {
            return httpSigned(request(http, content));
        }
        if (content.length > 0) {
            return new Caller.SignedItem(VerifiedItem.verify(content));
        }
        return new Caller.Anonymous(content);
    }

    private static Caller.HttpSigned httpSigned(SignedRequest request) {
        List<HttpSignatures.Signer> signers;
        try {
            signers = HttpSignatures.verify(request, Instant.now());
        } catch (HttpSigException e) {
            throw ApiException.badRequest("HTTP message signature refused: " + e.getMessage());
        }
        HttpSignatures.Signer signer = signers.get(0);
        byte[] data = signer.covered().contains("data")
                ? request.header("data").orElse("").getBytes(StandardCharsets.UTF_8)
                : signer.coversBody() ? request.body() : new byte[0];
        return new Caller.HttpSigned(signer, data);
    }

    private static SignedRequest request(HttpServerRequest http, byte[] body) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : http.headers().names()) {
            headers.put(name, http.headers().getAll(name));
        }
        String authority = http.headers().get("Host") == null ? "" : http.headers().get("Host");
        return new SignedRequest(http.method().name(), http.scheme() == null ? "http" : http.scheme(), authority,
                http.path(), http.query(), headers, body);
    }
}

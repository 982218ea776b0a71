package dev.ao4j.protocol.outbound;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way the MU and the CU call other units over HTTP: each URL passes the {@link OutboundPolicy} (a trusted
 * base's own URL skips the address check), a 307/308 redirect is followed only to a URL that passes it too and at
 * most {@code maxRedirects} times, an answer is read up to {@code maxResponseBytes}, and the whole exchange,
 * body included, ends by {@code timeout}. At most {@code maxUntrustedInFlight} calls to untrusted units run at
 * once; past that a call fails at once ({@link OutboundBusyException}), so units that hang cannot take every
 * crank slot or request thread. Other statuses, error bodies included, go back to the caller, who decides what
 * its own callers see.
 */
public final class OutboundHttp {
    private final HttpClient client;
    private final OutboundPolicy policy;
    private final long maxResponseBytes;
    private final int maxRedirects;
    private final int maxUntrustedInFlight;
    private final Semaphore untrustedSlots;

    public OutboundHttp(HttpClient client, OutboundPolicy policy, long maxResponseBytes, int maxRedirects,
                        int maxUntrustedInFlight) {
        this.client = client;
        this.policy = policy;
        this.maxResponseBytes = maxResponseBytes;
        this.maxRedirects = maxRedirects;
        this.maxUntrustedInFlight = maxUntrustedInFlight;
        this.untrustedSlots = new Semaphore(maxUntrustedInFlight);
    }

    /** No bound on concurrent untrusted calls. */
    public OutboundHttp(HttpClient client, OutboundPolicy policy, long maxResponseBytes, int maxRedirects) {
        this(client, policy, maxResponseBytes, maxRedirects, Integer.MAX_VALUE);
    }

    /** HTTP/1.1 (no h2c upgrade to strangers) and no redirects of its own (they are checked here). */
    public static HttpClient newClient(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Anything allowed, with the given caps: for the operator's own tools. */
    public static OutboundHttp unrestricted(Duration connectTimeout, long maxResponseBytes) {
        return new OutboundHttp(newClient(connectTimeout), OutboundPolicy.unrestricted(), maxResponseBytes, 3);
    }

    public OutboundPolicy policy() {
        return policy;
    }

    /** A unit's base URL (no trailing slash), and whether it is one the policy trusts. */
    public record Target(String base, boolean trusted) {
        /** Where the unit answers, e.g. {@code https://su.example}, for messages to our own callers. */
        public String origin() {
            try {
                URI uri = URI.create(base);
                return uri.getScheme() + "://" + uri.getRawAuthority();
            } catch (IllegalArgumentException e) {
                return "an unusable URL";
            }
        }
    }

    /** The target for a unit's base URL, trusted when it is one of the node's own or configured ones. */
    public Target target(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        boolean trusted;
        try {
            trusted = policy.trusted(URI.create(base));
        } catch (IllegalArgumentException e) {
            trusted = false;
        }
        return new Target(base, trusted);
    }

    /** The target for the Scheduler-Location URL of {@code schedulerAddress}: trusted also when the wallet is. */
    public Target target(String baseUrl, String schedulerAddress) {
        Target target = target(baseUrl);
        return policy.trustsScheduler(schedulerAddress) ? new Target(target.base(), true) : target;
    }

    /** The final status and body (of at most maxResponseBytes), after redirects. */
    public record Reply(int status, byte[] body) {}

    /** GETs the target's base URL followed by {@code suffix} (a path and query this node built). */
    public Reply get(Target target, String suffix, Duration timeout) throws IOException, InterruptedException {
        return send(target, suffix, null, false, timeout);
    }

    /** POSTs {@code body} (null: an empty body) as application/octet-stream; a redirect resends it. */
    public Reply post(Target target, String suffix, byte[] body, Duration timeout) throws IOException, InterruptedException {
        return send(target, suffix, body, true, timeout);
    }

    private Reply send(Target target, String suffix, byte[] body, boolean post, Duration timeout)
            throws IOException, InterruptedException {
        if (target.trusted()) {
            return follow(target, suffix, body, post, timeout);
        }
        if (!untrustedSlots.tryAcquire()) {
            throw new OutboundBusyException(maxUntrustedInFlight);
        }
        try {
            return follow(target, suffix, body, post, timeout);
        } finally {
            untrustedSlots.release();
        }
    }

    private Reply follow(Target target, String suffix, byte[] body, boolean post, Duration timeout)
            throws IOException, InterruptedException {
        URI uri;
        try {
            uri = URI.create(target.base() + suffix);
        } catch (IllegalArgumentException e) {
            throw new OutboundRefusedException("the unit's URL is not a usable URL");
        }
        boolean checked = target.trusted();
        for (int hop = 0; ; hop++) {
            if (!checked) {
                policy.check(uri);
            }
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json");
            if (post) {
                request.header("Content-Type", "application/octet-stream")
                        .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
            } else {
                request.GET();
            }
            HttpResponse<byte[]> response = exchange(request.build(), timeout);
            int status = response.statusCode();
            Optional<String> location = response.headers().firstValue("Location");
            if ((status == 307 || status == 308) && location.isPresent()) {
                if (hop >= maxRedirects) {
                    throw new OutboundRefusedException("more than " + maxRedirects + " redirects");
                }
                try {
                    uri = uri.resolve(location.get());
                } catch (IllegalArgumentException e) {
                    throw new OutboundRefusedException("a redirect to an unusable URL");
                }
                checked = false; // wherever a trusted unit sends us, that place is checked like any other
                continue;
            }
            return new Reply(status, response.body());
        }
    }

    private HttpResponse<byte[]> exchange(HttpRequest request, Duration timeout) throws IOException, InterruptedException {
        CompletableFuture<HttpResponse<byte[]>> future = client.sendAsync(request, CappedBody.handler(maxResponseBytes));
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new HttpTimeoutException("no complete answer within " + timeout.toMillis() + " ms");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause.getMessage(), cause);
        }
    }
}

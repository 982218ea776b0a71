package dev.ao4j.cu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.cu.core.CuException;
import dev.ao4j.cu.port.SuClient;
import dev.ao4j.protocol.outbound.OutboundBusyException;
import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.protocol.outbound.OutboundHttp.Target;
import dev.ao4j.protocol.outbound.OutboundRefusedException;
import dev.ao4j.protocol.outbound.ResponseTooLargeException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An SU over HTTP (AO-PROTOCOL §3), with AO's CU retry policy for transient failures, through the node's outbound
 * policy. A failure of an SU the node does not trust (any Scheduler-Location URL but the node's own) answers 502
 * naming where that SU answers, never its status or body; a URL the policy refuses is not called nor retried.
 */
public final class HttpSuClient implements SuClient {
    private static final Logger LOG = Logger.getLogger(HttpSuClient.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TRUSTED_ATTEMPTS = 4;
    /** A stranger's SU gets fewer tries: each one holds a CU request for up to the timeout. */
    private static final int OTHER_ATTEMPTS = 2;
    private static final long FIRST_BACKOFF_MILLIS = 250;

    private final Target su;
    private final OutboundHttp http;
    private final Duration timeout;

    public HttpSuClient(Target su, OutboundHttp http, Duration timeout) {
        this.su = su;
        this.http = http;
        this.timeout = timeout;
    }

    public String baseUrl() {
        return su.base();
    }

    @Override
    public Optional<JsonNode> process(String processId) {
        return get("/processes/" + encode(processId));
    }

    @Override
    public Optional<JsonNode> message(String processId, String messageId) {
        return get("/" + encode(messageId) + "?process-id=" + encode(processId));
    }

    /** A page too long for the response cap is asked for again in halves, down to one message. */
    @Override
    public JsonNode page(String processId, Long from, Long to, int limit) {
        int size = limit;
        while (true) {
            StringBuilder path = new StringBuilder("/").append(encode(processId))
                    .append("?process-id=").append(encode(processId));
            if (from != null) {
                path.append("&from=").append(from);
            }
            if (to != null) {
                path.append("&to=").append(to);
            }
            path.append("&limit=").append(size);
            try {
                return get(path.toString()).orElseThrow(() ->
                        CuException.notFound("process " + processId + " not found on its SU"));
            } catch (TooLarge e) {
                if (size == 1) {
                    throw new CuException(su.trusted() ? 503 : 502, "the SU at " + su.origin()
                            + " answered a one-message page longer than this node reads");
                }
                size = Math.max(1, size / 2);
            }
        }
    }

    @Override
    public JsonNode timestamp(String processId) {
        return get("/timestamp?process-id=" + encode(processId)).orElseThrow(() ->
                CuException.unavailable("the SU at " + su.origin() + " has no /timestamp", null));
    }

    /** A page over the cap, for {@link #page} to split. */
    private static final class TooLarge extends RuntimeException {
        TooLarge() {
            super(null, null, false, false);
        }
    }

    private Optional<JsonNode> get(String path) {
        int attempts = su.trusted() ? TRUSTED_ATTEMPTS : OTHER_ATTEMPTS;
        String last = null;
        Exception cause = null;
        long backoff = FIRST_BACKOFF_MILLIS;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                OutboundHttp.Reply reply = http.get(su, path, timeout);
                int status = reply.status();
                if (status == 200) {
                    return Optional.of(JSON.readTree(reply.body()));
                }
                if (status == 404 || status == 400) {
                    return Optional.empty();
                }
                last = "HTTP " + status;
            } catch (OutboundRefusedException e) {
                throw new CuException(502, "the SU at " + su.origin() + " is not called: " + e.getMessage());
            } catch (OutboundBusyException e) {
                throw CuException.unavailable("the SU at " + su.origin() + " is not called now: " + e.getMessage()
                        + "; try again later", e);
            } catch (ResponseTooLargeException e) {
                throw new TooLarge();
            } catch (IOException e) {
                last = e.getMessage() != null ? e.getMessage() : e.toString();
                cause = e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw CuException.unavailable("interrupted while reading the SU at " + su.origin(), e);
            }
            if (attempt < attempts) {
                sleep(backoff);
                backoff *= 2;
            }
        }
        LOG.debugf("the SU at %s%s failed: %s", su.base(), path, last);
        if (su.trusted()) {
            throw CuException.unavailable("the SU at " + su.base() + path + " failed: " + last, cause);
        }
        throw new CuException(502, "the SU at " + su.origin() + " did not answer usably; its answer is not passed on");
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

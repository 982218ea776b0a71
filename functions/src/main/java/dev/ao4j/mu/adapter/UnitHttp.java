package dev.ao4j.mu.adapter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ao4j.mu.core.MuException;
import dev.ao4j.protocol.outbound.OutboundBusyException;
import dev.ao4j.protocol.outbound.OutboundHttp;
import dev.ao4j.protocol.outbound.OutboundHttp.Target;
import dev.ao4j.protocol.outbound.OutboundRefusedException;
import dev.ao4j.protocol.outbound.ResponseTooLargeException;
import java.io.IOException;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * One HTTP exchange with another unit, through the node's {@link OutboundHttp} (policy, redirects, size cap). What
 * goes back to the MU's callers is the MU's own words: a trusted unit's (this node's own or a configured one) AO
 * {@code {"error"}} answer keeps its status and message; any other unit's failure becomes a 502 naming only where
 * that unit answers, never its status or body (which would make the MU a proxy for probing other hosts).
 */
final class UnitHttp {
    private static final Logger LOG = Logger.getLogger(UnitHttp.class);
    static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundHttp http;
    private final Duration timeout;
    private final String unit;

    /** @param unit what the other unit is, for messages: "SU" or "CU" */
    UnitHttp(OutboundHttp http, Duration timeout, String unit) {
        this.http = http;
        this.timeout = timeout;
        this.unit = unit;
    }

    record Answer(int status, JsonNode body) {}

    Target target(String baseUrl, String schedulerAddress) {
        return http.target(baseUrl, schedulerAddress);
    }

    /** GETs; a status of 400 or more throws. */
    Answer get(Target target, String suffix) {
        return checked(target, exchange(target, suffix, "GET", null));
    }

    /** POSTs (bytes may be null: an empty body), following checked 307/308 redirects as AO's MU does. */
    Answer post(Target target, String suffix, byte[] bytes) {
        return checked(target, exchange(target, suffix, "POST", bytes));
    }

    /** The answer whatever its status: for callers that treat some statuses (404) as an answer. */
    Answer exchange(Target target, String suffix, String method, byte[] bytes) {
        OutboundHttp.Reply reply;
        try {
            reply = method.equals("POST") ? http.post(target, suffix, bytes, timeout) : http.get(target, suffix, timeout);
        } catch (OutboundRefusedException e) {
            throw new MuException(502, "the " + unit + " at " + target.origin() + " is not called: " + e.getMessage());
        } catch (OutboundBusyException e) {
            throw MuException.unavailable("the " + unit + " at " + target.origin() + " is not called now: " + e.getMessage()
                    + "; try again later", e);
        } catch (ResponseTooLargeException e) {
            throw new MuException(502, "the " + unit + " at " + target.origin() + " answered too much: " + e.getMessage());
        } catch (IOException e) {
            LOG.debugf("%s %s%s failed: %s", method, target.base(), suffix, e);
            if (target.trusted()) {
                throw MuException.unavailable(method + " " + target.base() + suffix + " failed: " + e.getMessage(), e);
            }
            throw new MuException(502, "the " + unit + " at " + target.origin() + " did not answer in time or at all");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw MuException.unavailable("interrupted while calling the " + unit + " at " + target.origin(), e);
        }
        return new Answer(reply.status(), parse(reply.body()));
    }

    /** The answer, or the MU's own failure for a status of 400 or more. */
    Answer checked(Target target, Answer answer) {
        int status = answer.status();
        if (status < 400) {
            return answer;
        }
        if (target.trusted()) {
            JsonNode body = answer.body();
            throw new MuException(status, body != null && body.hasNonNull("error") ? body.get("error").asText()
                    : "the " + unit + " answered HTTP " + status);
        }
        LOG.debugf("the %s at %s answered HTTP %d", unit, target.base(), status);
        throw new MuException(502, "the " + unit + " at " + target.origin() + " failed; its answer is not passed on");
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return null;
        }
    }
}

package dev.ao4j.http;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.regex.Pattern;

/**
 * The web console's routes. Its files are static resources under {@code META-INF/resources/console}; this class
 * answers its pages' paths ({@code /console}, {@code /console/node}, {@code /console/process/{id}}) with its one
 * HTML page, which reads the path, and puts a strict Content-Security-Policy on everything under {@code /console}:
 * the page shows data that any signer wrote, so no inline script, no eval, no other host and no framing.
 */
@Singleton
public class ConsoleRoutes {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self'; connect-src 'self'; "
            + "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    static final String PAGES = "/console(/|/node/?|/process/[A-Za-z0-9_-]{43}/?)?";
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]{2,45}](:[0-9]{1,5})?");
    private static final String INDEX = "META-INF/resources/console/index.html";

    private final byte[] index = read(INDEX);

    void install(@Observes Router router) {
        router.route("/console*").order(-90).handler(ConsoleRoutes::secure);
        router.routeWithRegex(HttpMethod.GET, PAGES).order(-80).handler(this::page);
        router.routeWithRegex(HttpMethod.HEAD, PAGES).order(-80).handler(this::page);
    }

    private static void secure(RoutingContext context) {
        context.response()
                .putHeader("Content-Security-Policy", contentSecurityPolicy(context.request().scheme(),
                        context.request().getHeader(HttpHeaders.HOST)))
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("X-Frame-Options", "DENY")
                .putHeader("Referrer-Policy", "no-referrer");
        context.next();
    }

    /**
     * Scripts and styles only from the console's own files: the gateway serves anyone's upload from this origin
     * (at {@code /{id}}, with the uploader's Content-Type), so {@code 'self'} alone would let an injected tag load
     * an uploaded script. Without a usable Host the policy falls back to {@code 'self'}.
     */
    static String contentSecurityPolicy(String scheme, String host) {
        boolean usable = host != null && HOST.matcher(host).matches() && ("http".equals(scheme) || "https".equals(scheme));
        String files = usable ? scheme + "://" + host + "/console/" : "'self'";
        return CONTENT_SECURITY_POLICY + "; script-src " + files + "; style-src " + files;
    }

    private void page(RoutingContext context) {
        context.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                .end(io.vertx.core.buffer.Buffer.buffer(index));
    }

    private static byte[] read(String resource) {
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.ao4j.http;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Refuses (403) browser requests from other web sites to the routes that change state: every method but
 * GET/HEAD/OPTIONS, and {@code GET /mine[/{n}]}, which mines blocks. Every route is public and has no
 * credentials, so a web page could otherwise make its visitors' browsers post to a node on their loopback or
 * network (cross-site request forgery: simple no-CORS requests need no preflight).
 *
 * <p>Browsers mark such requests: {@code Sec-Fetch-Site: cross-site} or {@code same-site}, and an {@code Origin}
 * that is not the node's own. Other clients (aoconnect on node.js, curl, the units calling each other) send
 * neither header and pass. A request whose {@code Origin} is the node's own host, or listed in
 * {@code ao4j.http.trusted-origins}, passes.
 */
@Provider
@PreMatching
public class BrowserOriginFilter implements ContainerRequestFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Pattern MINE = Pattern.compile("/?mine(/[^/]*)?/?");

    /** Resolved on first use: RESTEasy creates pre-matching filters before runtime configuration is mapped. */
    @Inject
    Instance<HttpConfig> config;
    private volatile List<String> trustedOrigins;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!changesState(request.getMethod(), request.getUriInfo().getPath())) {
            return;
        }
        String origin = request.getHeaderString("Origin");
        if (origin != null && trusted(origin)) {
            return;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        boolean otherSite = site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"));
        if (otherSite || (origin != null && !sameOrigin(origin, request.getHeaderString("Host")))) {
            request.abortWith(ApiExceptionMapper.error(403,
                    "cross-site browser requests may not change this node's state"));
        }
    }

    static boolean changesState(String method, String path) {
        return !SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT)) || MINE.matcher(path).matches();
    }

    private boolean trusted(String origin) {
        List<String> listed = trustedOrigins;
        if (listed == null) {
            listed = trustedOrigins = config.get().trustedOrigins().orElse(List.of());
        }
        return listed.stream().anyMatch(o -> o.equalsIgnoreCase(origin.trim()));
    }

    /** The page's origin names the host (and port) this request was sent to; {@code null} origins never do. */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || origin.isBlank() || origin.trim().equalsIgnoreCase("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin.trim());
            if (uri.getHost() == null || uri.getScheme() == null) {
                return false;
            }
            int defaultPort = uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
            String page = uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort());
            String target = host.trim();
            boolean hasPort = target.lastIndexOf(':') > target.lastIndexOf(']');
            return page.equalsIgnoreCase(hasPort ? target : target + ":" + defaultPort);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}

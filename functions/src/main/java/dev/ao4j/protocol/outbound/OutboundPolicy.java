package dev.ao4j.protocol.outbound;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Which URLs the MU and the CU may call. Anyone can publish a Scheduler-Location naming any URL, so a unit calls:
 * <ul>
 * <li>the node's own unit URLs and the configured ones ({@link #trusted(URI)}: compared as whole base URLs, so a
 *     location that names {@code http://127.0.0.1:8734/mu} instead of {@code .../su} is not trusted);</li>
 * <li>other http(s) URLs only when every address their host resolves to is public ({@link AddressClasses}), or is
 *     in an allowed block, or the host is allowed by name, or private addresses are allowed outright.</li>
 * </ul>
 * The check runs on the addresses DNS gives now; the JVM caches that answer (networkaddress.cache.ttl, 30 s by
 * default) and the HTTP client connects through the same cache right after, which narrows DNS rebinding to a
 * record that changes within that window.
 */
public final class OutboundPolicy {
    /** How host names become addresses; the JDK's resolver outside tests. */
    public interface Resolver {
        InetAddress[] resolve(String host) throws UnknownHostException;
    }

    private final boolean allowPrivate;
    private final Set<String> allowedNames = new HashSet<>();
    private final List<Cidr> allowedBlocks = new ArrayList<>();
    private final Supplier<? extends Collection<String>> trustedBases;
    private final Set<String> trustedSchedulers;
    private final Resolver resolver;

    /**
     * @param allowPrivate  call private and reserved addresses too (a closed network of units)
     * @param allowedHosts  host names (exact, any case), addresses and address blocks ({@code 10.1.0.0/16}) that may
     *                      be called although private
     * @param trustedBases  the node's own and configured unit base URLs, read at each check (a test's port is known
     *                      only once the node listens)
     * @param trustedSchedulers scheduler wallets whose Scheduler-Location URLs are called like the node's own
     */
    public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts,
                          Supplier<? extends Collection<String>> trustedBases, Collection<String> trustedSchedulers,
                          Resolver resolver) {
        this.allowPrivate = allowPrivate;
        for (String entry : allowedHosts) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (Cidr.looksLike(trimmed)) {
                allowedBlocks.add(Cidr.parse(trimmed));
            } else {
                allowedNames.add(trimmed.toLowerCase(Locale.ROOT));
            }
        }
        this.trustedBases = trustedBases;
        this.trustedSchedulers = Set.copyOf(trustedSchedulers);
        this.resolver = resolver;
    }

    public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts,
                          Supplier<? extends Collection<String>> trustedBases, Resolver resolver) {
        this(allowPrivate, allowedHosts, trustedBases, List.of(), resolver);
    }

    public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts,
                          Supplier<? extends Collection<String>> trustedBases) {
        this(allowPrivate, allowedHosts, trustedBases, List.of(), InetAddress::getAllByName);
    }

    public OutboundPolicy(boolean allowPrivate, Collection<String> allowedHosts,
                          Supplier<? extends Collection<String>> trustedBases, Collection<String> trustedSchedulers) {
        this(allowPrivate, allowedHosts, trustedBases, trustedSchedulers, InetAddress::getAllByName);
    }

    /** Whether the operator trusts this scheduler wallet: its Scheduler-Location URL is called as configured. */
    public boolean trustsScheduler(String schedulerAddress) {
        return schedulerAddress != null && trustedSchedulers.contains(schedulerAddress);
    }

    /** Public addresses only, nothing trusted. */
    public static OutboundPolicy publicOnly() {
        return new OutboundPolicy(false, List.of(), List::of);
    }

    /** Any http(s) URL: for the operator's own command-line tools, which call what the operator names. */
    public static OutboundPolicy unrestricted() {
        return new OutboundPolicy(true, List.of(), List::of);
    }

    /** Whether {@code base} is one of the node's own or configured unit URLs (its calls skip the address check). */
    public boolean trusted(URI base) {
        String key = key(base);
        if (key == null) {
            return false;
        }
        for (String trusted : trustedBases.get()) {
            if (key.equals(key(URI.create(trusted)))) {
                return true;
            }
        }
        return false;
    }

    /** Refuses a URL that is not http(s), carries credentials, or whose host resolves to a refused address. */
    public void check(URI uri) throws OutboundRefusedException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new OutboundRefusedException("only http and https URLs are called, not '" + scheme + "'");
        }
        String host = host(uri);
        if (host == null || host.isEmpty()) {
            throw new OutboundRefusedException("the URL has no host name this node can use");
        }
        if (uri.getRawUserInfo() != null) {
            throw new OutboundRefusedException("URLs with credentials are not called");
        }
        if (allowPrivate || allowedNames.contains(host)) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = resolver.resolve(host);
        } catch (UnknownHostException e) {
            throw new OutboundRefusedException("host " + host + " does not resolve");
        }
        if (addresses.length == 0) {
            throw new OutboundRefusedException("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!AddressClasses.isPublic(address) && allowedBlocks.stream().noneMatch(block -> block.contains(address))) {
                // One private answer among public ones is enough to refuse: the client may connect to any of them.
                throw new OutboundRefusedException("host " + host
                        + " is a private, loopback, link-local or reserved address, which this node does not call");
            }
        }
    }

    /** scheme://host:port/path without a trailing slash, lower-cased where URLs are case-blind; null if unusable. */
    static String key(URI uri) {
        String host = host(uri);
        if (uri.getScheme() == null || host == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null) {
            return null;
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.normalize().getRawPath() == null ? "" : uri.normalize().getRawPath();
        if (path.contains("%") || path.contains("..")) {
            return null; // encoded or dot segments: never equal to a configured base
        }
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + ":" + port + path;
    }

    private static String host(URI uri) {
        String host = uri.getHost();
        if (host == null) {
            return null;
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        return host.toLowerCase(Locale.ROOT);
    }
}

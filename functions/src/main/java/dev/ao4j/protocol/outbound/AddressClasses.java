package dev.ao4j.protocol.outbound;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The address blocks a unit does not call unless told to: loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, multicast, unspecified, reserved, and IPv6's unique-local (fd00:ec2::254)
 * and site-local blocks. IPv6 forms that carry an IPv4 address (mapped, compatible, NAT64, 6to4) are judged by
 * that IPv4 address; Teredo, whose embedded address is obfuscated, is refused outright.
 */
final class AddressClasses {
    private static final List<Cidr> IPV4 = blocks("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8",
            "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
            "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4");
    private static final List<Cidr> IPV6 = blocks("::/128", "::1/128", "fc00::/7", "fe80::/10", "fec0::/10",
            "ff00::/8", "2001::/32", "2001:db8::/32", "100::/64");

    private AddressClasses() {}

    /** Whether the address belongs to the public internet (none of the blocks above). */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (bytes.length == 4) {
            return IPV4.stream().noneMatch(block -> block.contains(bytes));
        }
        Optional<byte[]> embedded = embeddedIpv4(bytes);
        if (embedded.isPresent()) {
            byte[] v4 = embedded.get();
            return IPV4.stream().noneMatch(block -> block.contains(v4));
        }
        return IPV6.stream().noneMatch(block -> block.contains(bytes));
    }

    /** The IPv4 address inside an IPv4-mapped (::ffff:0:0/96), -compatible (::/96), NAT64 or 6to4 address. */
    static Optional<byte[]> embeddedIpv4(byte[] v6) {
        boolean zeros10 = allZero(v6, 0, 10);
        if (zeros10 && (v6[10] & 0xff) == 0xff && (v6[11] & 0xff) == 0xff) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16));
        }
        if (zeros10 && v6[10] == 0 && v6[11] == 0) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16)); // ::a.b.c.d (:: and ::1 land in 0.0.0.0/8)
        }
        if (v6[0] == 0x00 && v6[1] == 0x64 && (v6[2] & 0xff) == 0xff && (v6[3] & 0xff) == 0x9b && allZero(v6, 4, 12)) {
            return Optional.of(Arrays.copyOfRange(v6, 12, 16)); // 64:ff9b::/96
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return Optional.of(Arrays.copyOfRange(v6, 2, 6)); // 2002::/16
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static List<Cidr> blocks(String... texts) {
        return Arrays.stream(texts).map(Cidr::parse).toList();
    }
}

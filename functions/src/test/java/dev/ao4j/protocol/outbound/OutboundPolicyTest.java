package dev.ao4j.protocol.outbound;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address classes, allowed blocks and trusted bases of the outbound policy, with DNS answers made up. */
class OutboundPolicyTest {
    private static final Map<String, List<String>> DNS = Map.of(
            "public.example", List.of("93.184.215.14"),
            "rebind.example", List.of("93.184.215.14", "127.0.0.1"),
            "metadata.example", List.of("169.254.169.254"),
            "v6.example", List.of("2606:4700::1111"),
            "internal.example", List.of("10.1.2.3"));

    private static InetAddress[] resolve(String host) throws UnknownHostException {
        List<String> answers = DNS.get(host);
        if (answers == null) {
            return new InetAddress[] {InetAddress.getByName(host)}; // literals only: never asks real DNS for names
        }
        InetAddress[] out = new InetAddress[answers.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = InetAddress.getByName(answers.get(i));
        }
        return out;
    }

    private static OutboundPolicy policy(List<String> allowed) {
        return new OutboundPolicy(false, allowed, () -> List.of("http://127.0.0.1:8734/su", "https://su.example/"),
                OutboundPolicyTest::resolve);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9001/", "http://127.1.2.3/", "http://0.0.0.0/", "http://10.0.0.1/",
            "http://172.16.5.5/", "http://192.168.1.1/", "http://169.254.169.254/latest/meta-data", "http://100.64.0.1/",
            "http://224.0.0.1/", "http://255.255.255.255/", "http://[::1]/", "http://[::]/", "http://[fe80::1]/",
            "http://[fd00:ec2::254]/", "http://[fc00::5]/", "http://[ff02::1]/", "http://[::ffff:127.0.0.1]/",
            "http://[::ffff:169.254.169.254]/", "http://[64:ff9b::a00:1]/", "http://[2002:7f00:1::]/",
            "http://[::7f00:1]/", "http://rebind.example/", "http://metadata.example/", "http://internal.example/",
            "http://127.0.0.1:8734/mu", "http://127.0.0.1:8734/su?x=1", "http://127.0.0.1:8734/su/../mu"})
    void privateLoopbackLinkLocalMulticastAndReservedAddressesAreRefused(String url) {
        OutboundPolicy policy = policy(List.of());
        assertFalse(policy.trusted(URI.create(url)), url);
        assertThrows(OutboundRefusedException.class, () -> policy.check(URI.create(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"file:///etc/passwd", "gopher://public.example/", "ftp://public.example/",
            "http://user:pw@public.example/", "jar:http://public.example/!/"})
    void onlyHttpAndHttpsWithoutCredentialsAreCalled(String url) {
        assertThrows(OutboundRefusedException.class, () -> policy(List.of()).check(URI.create(url)), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://public.example/su", "http://93.184.215.14:8080/", "https://v6.example/",
            "http://[2606:4700::1111]/"})
    void publicAddressesAreCalled(String url) {
        assertDoesNotThrow(() -> policy(List.of()).check(URI.create(url)));
    }

    @Test
    void theNodesOwnSuBasesAreTrustedAsWholeBaseUrls() {
        OutboundPolicy policy = policy(List.of());
        assertTrue(policy.trusted(URI.create("http://127.0.0.1:8734/su")));
        assertTrue(policy.trusted(URI.create("http://127.0.0.1:8734/su/")));
        assertTrue(policy.trusted(URI.create("HTTPS://SU.example:443")));
        assertFalse(policy.trusted(URI.create("http://127.0.0.1:8734/su/x")));
        assertFalse(policy.trusted(URI.create("http://127.0.0.1:8735/su")));
        assertFalse(policy.trusted(URI.create("https://127.0.0.1:8734/su")));
        assertFalse(policy.trusted(URI.create("http://127.0.0.1:8734/%73u")));
    }

    @Test
    void allowedHostsNamesAndBlocksLetPrivateAddressesThrough() {
        OutboundPolicy policy = policy(List.of("127.0.0.0/8", "Internal.Example", "fd00:1::/64"));
        assertDoesNotThrow(() -> policy.check(URI.create("http://127.0.0.1:1234/su")));
        assertDoesNotThrow(() -> policy.check(URI.create("http://internal.example/su")));
        assertDoesNotThrow(() -> policy.check(URI.create("http://[fd00:1::5]/su")));
        assertThrows(OutboundRefusedException.class, () -> policy.check(URI.create("http://[fd00:2::5]/su")));
        assertThrows(OutboundRefusedException.class, () -> policy.check(URI.create("http://10.0.0.1/su")));
        assertDoesNotThrow(() -> new OutboundPolicy(true, List.of(), List::of, OutboundPolicyTest::resolve)
                .check(URI.create("http://10.0.0.1/su")));
    }

    @Test
    void cidrBlocksMatchByPrefix() {
        assertTrue(Cidr.parse("172.16.0.0/12").contains(addr("172.31.255.255")));
        assertFalse(Cidr.parse("172.16.0.0/12").contains(addr("172.32.0.0")));
        assertTrue(Cidr.parse("fc00::/7").contains(addr("fdff::1")));
        assertFalse(Cidr.parse("fc00::/7").contains(addr("fe00::1")));
        assertTrue(Cidr.parse("10.1.2.3").contains(addr("10.1.2.3")));
        assertFalse(Cidr.parse("10.0.0.0/8").contains(addr("2606:4700::1")));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("10.0.0.0/33"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("su.example/8"));
    }

    private static InetAddress addr(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}

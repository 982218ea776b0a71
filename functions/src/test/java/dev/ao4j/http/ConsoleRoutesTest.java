package dev.ao4j.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {
    @Test
    void scriptsAndStylesComeOnlyFromTheConsolesOwnFiles() {
        String policy = ConsoleRoutes.contentSecurityPolicy("http", "127.0.0.1:8734");
        assertTrue(policy.startsWith("default-src 'self';"), policy);
        assertTrue(policy.contains("script-src http://127.0.0.1:8734/console/;"), policy);
        assertTrue(policy.endsWith("style-src http://127.0.0.1:8734/console/"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(ConsoleRoutes.contentSecurityPolicy("http", "[::1]:8734").contains("script-src http://[::1]:8734/console/;"));
    }

    @Test
    void aHostThatCouldWidenThePolicyFallsBackToSelf() {
        for (String host : new String[] {"evil.example; script-src *", "a b", "", "x".repeat(300)}) {
            String policy = ConsoleRoutes.contentSecurityPolicy("http", host);
            assertTrue(policy.contains("script-src 'self';"), policy);
            assertFalse(policy.contains("*"), policy);
        }
        assertTrue(ConsoleRoutes.contentSecurityPolicy("http", null).contains("script-src 'self';"));
        assertTrue(ConsoleRoutes.contentSecurityPolicy("javascript", "h").contains("script-src 'self';"));
    }

    @Test
    void everyConsolePageIsTheOnePage() {
        String id = "A".repeat(43);
        for (String path : new String[] {"/console", "/console/", "/console/node", "/console/process/" + id}) {
            assertTrue(path.matches(ConsoleRoutes.PAGES), path);
        }
        for (String path : new String[] {"/console/js/main.js", "/console/process/short", "/console/process/" + id + "/x"}) {
            assertFalse(path.matches(ConsoleRoutes.PAGES), path);
        }
    }
}

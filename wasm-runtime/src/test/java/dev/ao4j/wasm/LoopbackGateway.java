package dev.ao4j.wasm;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Arrays;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Arweave gateway on 127.0.0.1 serving transaction data as the reference's WeaveDrive reads it:
 * {@code HEAD /<id>} for the size (Content-Length) and {@code GET /<id>} with an inclusive {@code Range: bytes=a-b}
 * (a range that ends before it starts is ignored: the whole data, as HTTP says and gateways answer).
 */
final class LoopbackGateway implements AutoCloseable {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");

    private final Map<String, byte[]> data;
    private final HttpServer server;

    LoopbackGateway(Map<String, byte[]> data) throws IOException {
        this.data = Map.copyOf(data);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::serve);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void serve(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes = data.get(exchange.getRequestURI().getPath().substring(1));
            boolean head = exchange.getRequestMethod().equals("HEAD");
            if (bytes == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String range = exchange.getRequestHeaders().getFirst("Range");
            Matcher m = range == null ? null : RANGE.matcher(range);
            if (m == null || !m.matches()) {
                send(exchange, 200, bytes, head);
                return;
            }
            long from = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? Long.MAX_VALUE : Long.parseLong(m.group(2));
            if (from > last) { // not a valid range: ignored, as HTTP says and gateways do
                send(exchange, 200, bytes, head);
                return;
            }
            if (from >= bytes.length) {
                exchange.getResponseHeaders().set("Content-Range", "bytes */" + bytes.length);
                exchange.sendResponseHeaders(416, -1);
                return;
            }
            int to = (int) Math.min(last, bytes.length - 1L);
            exchange.getResponseHeaders().set("Content-Range", "bytes " + from + "-" + to + "/" + bytes.length);
            send(exchange, 206, Arrays.copyOfRange(bytes, (int) from, to + 1), head);
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, boolean head) throws IOException {
        if (head) {
            exchange.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package dev.ao4j.testservers;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Runs ElasticMQ (an SQS-compatible server) in memory, listening on 127.0.0.1 only: its REST endpoint and
 * the queue URLs it hands out both use the loopback address. Prints {@code LISTENING <port>} once it accepts
 * connections; stops with the JVM. Usage: {@code LoopbackElasticMq [port]} (0 or absent: a free port).
 */
public final class LoopbackElasticMq {
    private LoopbackElasticMq() {}

    public static void main(String[] args) throws Exception {
        int requested = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        int port = requested != 0 ? requested : freeLoopbackPort();
        // ElasticMQ reads Typesafe config, where system properties override its defaults (0.0.0.0:9324).
        System.setProperty("rest-sqs.bind-hostname", "127.0.0.1");
        System.setProperty("rest-sqs.bind-port", Integer.toString(port));
        System.setProperty("node-address.host", "127.0.0.1");
        System.setProperty("node-address.port", Integer.toString(port));
        System.setProperty("pekko.loglevel", "WARNING");
        org.elasticmq.server.Main.main(new String[0]);
        awaitListening(port);
        System.out.println("LISTENING " + port);
        System.out.flush();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void awaitListening(int port) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("ElasticMQ did not start listening on 127.0.0.1:" + port);
    }
}

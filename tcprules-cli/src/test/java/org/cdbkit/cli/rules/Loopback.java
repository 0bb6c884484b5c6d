package org.cdbkit.cli.rules;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Bounded loopback traffic for the end-to-end tests: 127.0.0.0/8 and ::1 only, every wait timed. */
final class Loopback {
    static final String SERVER = "127.0.0.1";
    private static final int TIMEOUT_MS = 5000;

    private Loopback() {
    }

    /** A port free on 127.0.0.1 right now. */
    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName(SERVER))) {
            return s.getLocalPort();
        }
    }

    /**
     * Connects from {@code clientAddress} (any 127.x.y.z) and returns all the server sends
     * before it closes: empty when the server drops the connection.
     */
    static String exchange(String clientAddress, int port) throws IOException {
        return exchange(clientAddress, SERVER, port);
    }

    /** As {@link #exchange(String, int)}, to a server on {@code serverAddress} (127.0.0.1 or ::1). */
    static String exchange(String clientAddress, String serverAddress, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(clientAddress), 0));
            socket.connect(new InetSocketAddress(serverAddress, port), TIMEOUT_MS);
            socket.setSoTimeout(TIMEOUT_MS);
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            try {
                for (int n; (n = in.read(buffer)) > 0 && got.size() < 65536;) {
                    got.write(buffer, 0, n);
                }
            } catch (SocketTimeoutException e) {
                throw new IOException("server did not close the connection within " + TIMEOUT_MS + " ms", e);
            }
            return got.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** Waits until something listens on the port, or fails after a few seconds. */
    static void awaitListening(int port) throws IOException, InterruptedException {
        awaitListening(SERVER, port);
    }

    static void awaitListening(String serverAddress, int port) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(serverAddress, port), 200);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IOException("nothing listens on " + serverAddress + " port " + port, e);
                }
                Thread.sleep(50);
            }
        }
    }
}

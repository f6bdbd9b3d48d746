package io.infrasystem.inventory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP relay on a fixed local port in front of the test Zabbix's API, which a test can cut
 * ({@link #stop()}: the port refuses connections, as a stopped Zabbix front end does) and restore
 * ({@link #start()}) without touching the shared Zabbix itself.
 */
final class TcpProxy implements AutoCloseable {

    private final int targetPort;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile ServerSocket server;

    /** Opens on a free port, relaying to {@code 127.0.0.1:targetPort}. */
    TcpProxy(int targetPort) throws IOException {
        this.targetPort = targetPort;
        try (ServerSocket probe = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            this.port = probe.getLocalPort();
        }
        start();
    }

    int port() {
        return port;
    }

    /** Accepts and relays connections again. */
    synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Closes the port and every open connection. */
    synchronized void stop() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        sockets.clear();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pipe(client.getInputStream(), upstream.getOutputStream(), upstream);
                pipe(upstream.getInputStream(), client.getOutputStream(), client);
            } catch (IOException e) {
                // closed by stop(), or the upstream refused: the client sees its connection end
            }
        }
    }

    private static void pipe(InputStream in, OutputStream out, Socket closeWhenDone) {
        Thread t = new Thread(() -> {
            try (in;
                    out) {
                in.transferTo(out);
            } catch (IOException e) {
                // connection ended
            } finally {
                try {
                    closeWhenDone.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        });
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}

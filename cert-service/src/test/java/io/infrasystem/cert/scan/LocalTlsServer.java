package io.infrasystem.cert.scan;

import io.infrasystem.cert.TestCertificates;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A TLS server on a random loopback port, started by a test with certificates made by Bouncy
 * Castle; it completes each handshake and closes. Its chain can be swapped between scans (a
 * renewal), and it can speak SMTP first (STARTTLS, RFC 3207).
 */
public final class LocalTlsServer implements AutoCloseable {

    private final ServerSocket server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicReference<SSLContext> context = new AtomicReference<>();
    private final boolean smtp;
    private final AtomicInteger handshakes = new AtomicInteger();

    private LocalTlsServer(boolean smtp, TestCertificates.Issued leaf, TestCertificates.Issued... issuers)
            throws IOException {
        this.smtp = smtp;
        serve(leaf, issuers);
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        executor.submit(this::acceptLoop);
    }

    /** @return a direct-TLS server sending {@code leaf} and then {@code issuers} */
    public static LocalTlsServer tls(TestCertificates.Issued leaf, TestCertificates.Issued... issuers)
            throws IOException {
        return new LocalTlsServer(false, leaf, issuers);
    }

    /** @return an SMTP server that upgrades with STARTTLS */
    public static LocalTlsServer smtp(TestCertificates.Issued leaf) throws IOException {
        return new LocalTlsServer(true, leaf);
    }

    /** Serves another chain from the next connection on. */
    public void serve(TestCertificates.Issued leaf, TestCertificates.Issued... issuers) {
        try {
            X509Certificate[] chain = new X509Certificate[issuers.length + 1];
            chain[0] = leaf.x509();
            for (int i = 0; i < issuers.length; i++) {
                chain[i + 1] = issuers[i].x509();
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", leaf.keys().getPrivate(), new char[] {'x'}, chain);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, new char[] {'x'});
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(keys.getKeyManagers(), null, null);
            context.set(tls);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the port */
    public int port() {
        return server.getLocalPort();
    }

    /** @return handshakes completed so far */
    public int handshakes() {
        return handshakes.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                executor.submit(() -> handle(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void handle(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            if (smtp) {
                BufferedReader in =
                        new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream out = socket.getOutputStream();
                out.write("220 mail.test ESMTP\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                in.readLine(); // EHLO
                out.write("250-mail.test\r\n250-SIZE 1000\r\n250 STARTTLS\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                if (!"STARTTLS".equals(in.readLine())) {
                    return;
                }
                out.write("220 ready\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            try (SSLSocket tls = (SSLSocket) context.get().getSocketFactory().createSocket(socket, null, true)) {
                tls.setUseClientMode(false);
                tls.startHandshake();
                handshakes.incrementAndGet();
            }
        } catch (IOException e) {
            // a client that hangs up mid-handshake: nothing to serve
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        executor.shutdownNow();
    }
}

package io.infrasystem.cert.scan.tls;

import io.infrasystem.cert.scan.StartTls;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.bouncycastle.util.IPAddress;

/**
 * One TLS handshake with the JDK's TLS stack (JSSE), capturing the server's chain whatever its
 * trust: the handshake's trust manager records the chain and accepts it, and judging it is
 * {@link ChainValidation}'s job, apart. Sends SNI when given a name, speaks STARTTLS for SMTP
 * (RFC 3207), IMAP (RFC 2595) and POP3 (RFC 2595) before the handshake, and bounds the connect
 * and the exchange with the configured timeouts. Thread-safe.
 */
@ApplicationScoped
public class TlsProbe {

    private final ScanConfig config;
    private final SSLContext capture;

    public TlsProbe(ScanConfig config) {
        this.config = config;
        try {
            capture = SSLContext.getInstance("TLS");
            capture.init(null, new TrustManager[] {new CapturingTrustManager()}, null);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK offers TLS", e);
        }
    }

    /**
     * @param address the checked address to connect to
     * @param port TCP port
     * @param sni the server name to send, or {@code null} (no SNI; IP literals are never sent)
     * @param startTls the protocol to upgrade first, or {@link StartTls#NONE}
     * @return the chain and session facts, or the error
     */
    public ProbeResult probe(InetAddress address, int port, String sni, StartTls startTls) {
        String peer = address.getHostAddress();
        try (Socket plain = new Socket()) {
            plain.connect(new InetSocketAddress(address, port), (int)
                    config.connectTimeout().toMillis());
            plain.setSoTimeout((int) config.handshakeTimeout().toMillis());
            if (startTls != StartTls.NONE) {
                upgrade(plain, startTls);
            }
            try (SSLSocket tls =
                    (SSLSocket) capture.getSocketFactory().createSocket(plain, sni == null ? peer : sni, port, true)) {
                SSLParameters parameters = tls.getSSLParameters();
                if (sni != null && !IPAddress.isValid(sni)) {
                    parameters.setServerNames(List.of(new SNIHostName(sni)));
                } else {
                    parameters.setServerNames(List.of());
                }
                tls.setSSLParameters(parameters);
                tls.startHandshake();
                SSLSession session = tls.getSession();
                List<X509Certificate> chain = new ArrayList<>();
                for (var certificate : session.getPeerCertificates()) {
                    chain.add((X509Certificate) certificate);
                }
                return new ProbeResult(peer, chain, session.getProtocol(), session.getCipherSuite(), null);
            }
        } catch (SocketTimeoutException e) {
            return failed(peer, "timed out: " + e.getMessage());
        } catch (IOException e) {
            return failed(peer, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    private static ProbeResult failed(String peer, String error) {
        return new ProbeResult(peer, List.of(), null, null, error);
    }

    private static void upgrade(Socket socket, StartTls protocol) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = socket.getOutputStream();
        switch (protocol) {
            case SMTP -> {
                expectSmtp(in, "220");
                send(out, "EHLO infra-system.scanner");
                expectSmtp(in, "250");
                send(out, "STARTTLS");
                expectSmtp(in, "220");
            }
            case IMAP -> {
                expectPrefix(in, "* OK");
                send(out, "a1 STARTTLS");
                String line;
                do {
                    line = readLine(in);
                } while (line.startsWith("*"));
                if (!line.startsWith("a1 OK")) {
                    throw new IOException("IMAP STARTTLS refused: " + line);
                }
            }
            case POP3 -> {
                expectPrefix(in, "+OK");
                send(out, "STLS");
                expectPrefix(in, "+OK");
            }
            case NONE -> {
                // direct TLS
            }
        }
    }

    /** Reads an SMTP reply (its continuation lines {@code 250-…} too) and checks its code. */
    private static void expectSmtp(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = readLine(in);
        } while (line.length() > 3 && line.charAt(3) == '-');
        if (!line.startsWith(code)) {
            throw new IOException("SMTP STARTTLS: expected " + code + ", got " + line);
        }
    }

    private static void expectPrefix(BufferedReader in, String prefix) throws IOException {
        String line = readLine(in);
        if (!line.startsWith(prefix)) {
            throw new IOException("STARTTLS: expected " + prefix + ", got " + line);
        }
    }

    private static String readLine(BufferedReader in) throws IOException {
        String line = in.readLine();
        if (line == null) {
            throw new IOException("the server closed the connection during STARTTLS");
        }
        return line;
    }

    private static void send(OutputStream out, String command) throws IOException {
        out.write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /**
     * Accepts every server chain: the probe captures, {@link ChainValidation} judges. An extended
     * trust manager, so JSSE adds no checks of its own (algorithm constraints) that would abort
     * the capture of a weak chain. Never used for anything but scanning.
     */
    private static final class CapturingTrustManager extends X509ExtendedTrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
            throw new UnsupportedOperationException("the scanner is never a server");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException("the scanner is never a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
            // capture only
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
            // capture only
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
            throw new UnsupportedOperationException("the scanner is never a server");
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
            // capture only: the chain is judged apart, see ChainValidation
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}

package io.infrasystem.mail.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An SMTP server (RFC 5321 dialogue over TCP) that accepts the session but rejects every recipient
 * with {@code 550 5.1.1 ... User unknown}, as a mail server does for a mailbox that does not
 * exist. GreenMail accepts every recipient, so the permanent-failure test needs this one.
 */
public final class RejectingSmtpServer implements AutoCloseable {

    /** The reply text after the code. */
    public static final String REPLY = "5.1.1 Recipient address rejected: User unknown";

    private final ServerSocket socket;
    private final Thread thread;

    public RejectingSmtpServer() throws IOException {
        socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = Thread.ofPlatform().daemon().name("rejecting-smtp").start(this::serve);
    }

    /** @return the port it listens on */
    public int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                session(client);
            } catch (IOException e) {
                // closed, or the client went away: next session
            }
        }
    }

    private static void session(Socket client) throws IOException {
        BufferedReader in =
                new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        send(out, "220 reject.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
            switch (command) {
                case "EHLO" -> send(out, "250 reject.test");
                case "HELO", "MAIL", "RSET", "NOOP" -> send(out, "250 OK");
                case "RCPT" -> send(out, "550 " + REPLY);
                case "QUIT" -> {
                    send(out, "221 Bye");
                    return;
                }
                default -> send(out, "502 5.5.2 Command not implemented");
            }
        }
    }

    private static void send(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.infrasystem.mail.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server for the application under test: GreenMail in-process on a free port, set as
 * the default SMTP server ({@code infra.mail.smtp.*}). Tests can stop it and start it again on the
 * same port to simulate an outage.
 */
public class SmtpServerResource implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile int port;

    /** @return the running server */
    public static GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("the SMTP server is not running");
        }
        return server;
    }

    /** @return its port */
    public static int port() {
        return port;
    }

    /** Stops the server (connections are refused until {@link #startAgain()}). */
    public static synchronized void stopServer() {
        server.stop();
    }

    /** Starts a fresh server on the same port. */
    public static synchronized void startAgain() {
        server = newServer();
        server.start();
    }

    @Override
    public Map<String, String> start() {
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        startAgain();
        return Map.of("infra.mail.smtp.host", "127.0.0.1", "infra.mail.smtp.port", Integer.toString(port));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static GreenMail newServer() {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        setup.setServerStartupTimeout(5000);
        return new GreenMail(setup);
    }
}

package io.infrasystem.realtime.support;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client that does the upgrade (RFC 6455 §4.1) by hand on a plain socket with a small
 * receive buffer and then reads nothing until told to: a client that stopped reading, or died,
 * without closing. {@link #readUntilClose()} then reads frames up to the server's close frame.
 */
public final class RawWsClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;

    /**
     * @param query query string without {@code ?}
     * @param authorization {@code Authorization} header value
     * @throws IOException when the upgrade is not answered with 101
     */
    public RawWsClient(String query, String authorization) throws IOException {
        socket = new Socket();
        socket.setReceiveBufferSize(16 * 1024);
        socket.connect(new java.net.InetSocketAddress("127.0.0.1", RestAssured.port), 5000);
        socket.setSoTimeout(30_000);
        String key = Base64.getEncoder()
                .encodeToString(
                        java.util.UUID.randomUUID().toString().substring(0, 16).getBytes(StandardCharsets.US_ASCII));
        String request = "GET /api/realtime/ws?" + query + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n"
                + "Authorization: " + authorization + "\r\n\r\n";
        socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        in = new DataInputStream(socket.getInputStream());
        String headers = readHeaders(in);
        if (!headers.startsWith("HTTP/1.1 101")) {
            throw new IOException(
                    "upgrade refused: " + headers.lines().findFirst().orElse(""));
        }
    }

    /**
     * Reads frames until the server's close frame.
     *
     * @return the close status code and reason, e.g. {@code 1008 slow client: ...}, or {@code null}
     *     when the connection ended without a close frame
     */
    public String readUntilClose() throws IOException {
        while (true) {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            int second = in.readUnsignedByte();
            long length = second & 0x7f;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = in.readNBytes((int) length);
            if ((first & 0x0f) == 0x8) {
                if (payload.length < 2) {
                    return "";
                }
                int code = ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
                return code + " " + new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8);
            }
        }
    }

    private static String readHeaders(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            bytes.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1
                    : 0;
        }
        return bytes.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}

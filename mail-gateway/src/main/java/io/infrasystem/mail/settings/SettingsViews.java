package io.infrasystem.mail.settings;

/** Request and response bodies of {@code /api/mail/settings}. */
public final class SettingsViews {

    private SettingsViews() {}

    /**
     * The settings as shown to administrators; the password is never returned, only whether one is set.
     *
     * @param stored false while the configuration defaults are in force
     */
    public record View(
            String host,
            int port,
            String tlsMode,
            String username,
            boolean passwordSet,
            String fromAddress,
            int ratePerMinute,
            boolean stored,
            long version) {}

    /**
     * New settings (every field; {@code password} {@code null} keeps the stored one, {@code ""} removes it).
     *
     * @param host SMTP host name or address
     * @param port 1–65535
     * @param tlsMode {@code none}, {@code starttls} or {@code tls}
     * @param username SMTP AUTH user, or {@code null} for none
     * @param password SMTP AUTH password (stored AES-GCM encrypted)
     * @param fromAddress From of every message, RFC 5322
     * @param ratePerMinute 1–100000 messages per minute
     */
    public record Input(
            String host,
            Integer port,
            String tlsMode,
            String username,
            String password,
            String fromAddress,
            Integer ratePerMinute) {}

    /** @param to where the test message goes */
    public record TestRequest(String to) {}

    /**
     * The SMTP server's answer to the test message.
     *
     * @param outcome {@code sent}, {@code transient} or {@code permanent}
     * @param replyCode SMTP reply code, {@code null} without a reply
     * @param replyText reply text or the connection error
     * @param durationMs how long the transaction took, milliseconds
     */
    public record TestResult(String outcome, Integer replyCode, String replyText, long durationMs) {}
}

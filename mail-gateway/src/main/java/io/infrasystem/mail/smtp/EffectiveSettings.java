package io.infrasystem.mail.smtp;

/**
 * The SMTP settings in force: the stored row, or the configuration defaults while none is stored.
 *
 * @param host SMTP host
 * @param port SMTP port
 * @param tlsMode connection protection
 * @param username SMTP AUTH user, or {@code null} for no authentication
 * @param password SMTP AUTH password in clear (memory only), or {@code null}
 * @param fromAddress the From of every message
 * @param ratePerMinute most messages handed over per minute, all instances together
 * @param stored whether these come from the database
 * @param version the stored row's version, 0 for the defaults
 */
public record EffectiveSettings(
        String host,
        int port,
        TlsMode tlsMode,
        String username,
        String password,
        String fromAddress,
        int ratePerMinute,
        boolean stored,
        long version) {}

package io.infrasystem.mail.smtp;

import java.util.Locale;

/** How the SMTP connection is protected: {@code none}, {@code starttls} (RFC 3207, required) or {@code tls} (implicit, port 465). */
public enum TlsMode {
    NONE,
    STARTTLS,
    TLS;

    /** @return the API value, e.g. {@code starttls} */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * @param value {@code none}, {@code starttls} or {@code tls}, any case
     * @return the mode
     * @throws IllegalArgumentException for any other value
     */
    public static TlsMode parse(String value) {
        for (TlsMode mode : values()) {
            if (mode.name().equalsIgnoreCase(value == null ? "" : value.strip())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("must be one of none, starttls, tls");
    }
}

package io.infrasystem.mail.smtp;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * A mailbox checked with Jakarta Mail's strict RFC 5322 parser ({@link InternetAddress} with
 * {@code strict = true}): one mailbox, no group, no line break.
 *
 * @param header the address as it goes into a header, display name RFC 2047-encoded
 * @param email the addr-spec in lower case
 */
public record Address(String header, String email) {

    /**
     * @param raw one address as the caller wrote it
     * @return the parsed mailbox
     * @throws IllegalArgumentException with a message for the caller when it is not one valid mailbox
     */
    public static Address parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        if (raw.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("must not contain line breaks");
        }
        if (raw.length() > 400) {
            throw new IllegalArgumentException("must be at most 400 characters");
        }
        InternetAddress[] parsed;
        try {
            parsed = InternetAddress.parseHeader(raw.strip(), true);
            if (parsed.length != 1) {
                throw new IllegalArgumentException("must be exactly one address, found " + parsed.length);
            }
            InternetAddress address = parsed[0];
            if (address.isGroup()) {
                throw new IllegalArgumentException("must be a mailbox, not a group");
            }
            address.validate();
            String spec = address.getAddress();
            int at = spec.lastIndexOf('@');
            if (at <= 0 || at == spec.length() - 1) {
                throw new IllegalArgumentException("must be local-part@domain");
            }
            if (spec.length() > 254) {
                throw new IllegalArgumentException("address must be at most 254 characters (RFC 5321)");
            }
            return new Address(address.toString(), spec.toLowerCase(Locale.ROOT));
        } catch (AddressException e) {
            throw new IllegalArgumentException("is not a valid RFC 5322 address: " + e.getMessage());
        }
    }
}

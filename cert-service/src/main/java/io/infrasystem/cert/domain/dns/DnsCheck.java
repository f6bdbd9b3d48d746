package io.infrasystem.cert.domain.dns;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;

/** The state of a domain's last DNS lookup, kept on its {@code domain} row. */
@Embeddable
public class DnsCheck {

    @Column(name = "dns_result")
    public DnsResult result;

    @Column(name = "dns_error")
    public String error;

    @Column(name = "dns_checked_at")
    public Instant checkedAt;

    /** @return the API view */
    public DnsCheckDto dto() {
        return new DnsCheckDto(result, error, checkedAt);
    }
}

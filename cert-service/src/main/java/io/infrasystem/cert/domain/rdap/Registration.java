package io.infrasystem.cert.domain.rdap;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.Instant;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A registrable domain's registration data from RDAP, kept on its {@code domain} row, and the state
 * of the last query. The data fields change only with an answer that was read whole ({@link
 * RdapResult#OK}); a failed query sets {@link #result}, {@link #error} and {@link #checkedAt} only,
 * so nothing known is overwritten with blanks.
 */
@Embeddable
public class Registration {

    /** The registrar's name (the vCard {@code fn} of the entity with role {@code registrar}). */
    public String registrar;
    /** Its IANA Registrar ID ({@code publicIds} of type {@code IANA Registrar ID}). */
    public String registrarIanaId;

    public Instant registeredAt;

    public Instant expiresAt;
    /** The RDAP event {@code last changed}. */
    public Instant registrationChangedAt;
    /** RDAP status values (RFC 9083 §4.6), e.g. {@code client transfer prohibited}. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "registration_status")
    public List<String> statuses;
    /** Name servers, lower-case, in answer order. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> nameservers;
    /** The URL of the last query. */
    public String rdapUrl;

    @Column(name = "rdap_result")
    public RdapResult result;

    @Column(name = "rdap_error")
    public String error;

    @Column(name = "rdap_checked_at")
    public Instant checkedAt;

    @Column(name = "rdap_succeeded_at")
    public Instant succeededAt;

    @Column(name = "rdap_retry_at")
    public Instant retryAt;

    /** @return the API view */
    public RegistrationDto dto() {
        return new RegistrationDto(
                registrar,
                registrarIanaId,
                registeredAt,
                expiresAt,
                registrationChangedAt,
                statuses == null ? List.of() : List.copyOf(statuses),
                nameservers == null ? List.of() : List.copyOf(nameservers),
                rdapUrl,
                result,
                error,
                checkedAt,
                succeededAt,
                retryAt);
    }

    /**
     * Stores a whole answer.
     *
     * @param data what the registry answered
     * @param url the URL queried
     * @param now the time of the query
     */
    void store(RegistrationData data, String url, Instant now) {
        registrar = data.registrar();
        registrarIanaId = data.registrarIanaId();
        registeredAt = data.registeredAt();
        expiresAt = data.expiresAt();
        registrationChangedAt = data.changedAt();
        statuses = List.copyOf(data.statuses());
        nameservers = List.copyOf(data.nameservers());
        rdapUrl = url;
        result = RdapResult.OK;
        error = null;
        checkedAt = now;
        succeededAt = now;
        retryAt = null;
    }

    /**
     * Records a failed query; the registration data stay as they were.
     *
     * @param failure why it failed
     * @param now the time of the query
     */
    void fail(RdapFailure failure, Instant now) {
        if (failure.url() != null) {
            rdapUrl = failure.url();
        }
        result = failure.result();
        String message = failure.getMessage();
        error = message != null && message.length() > 1000 ? message.substring(0, 1000) : message;
        checkedAt = now;
        retryAt = failure.retryAfter() == null ? null : now.plus(failure.retryAfter());
    }
}

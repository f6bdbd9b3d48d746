package io.infrasystem.cert.domain.rdap;

import java.time.Duration;

/**
 * An RDAP query that gave no usable answer.
 *
 * @see RdapResult
 */
public class RdapFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final RdapResult result;
    private final String url;
    private final transient Duration retryAfter;

    /**
     * @param result what kind of failure
     * @param url the URL queried, or {@code null} when none was
     * @param message what happened, for operators
     * @param retryAfter how long to leave the server alone, or {@code null}
     */
    public RdapFailure(RdapResult result, String url, String message, Duration retryAfter) {
        super(message);
        this.result = result;
        this.url = url;
        this.retryAfter = retryAfter;
    }

    /** @return what kind of failure */
    public RdapResult result() {
        return result;
    }

    /** @return the URL queried, or {@code null} */
    public String url() {
        return url;
    }

    /** @return how long to leave the server alone, or {@code null} */
    public Duration retryAfter() {
        return retryAfter;
    }
}

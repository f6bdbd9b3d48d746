package io.infrasystem.commons.request;

import java.util.UUID;
import java.util.regex.Pattern;
import org.jboss.logging.MDC;

/**
 * The request id of the request being handled ({@code X-Request-ID}). It is taken from the caller
 * (normally the gateway) when it is well-formed, or generated; it is put in the log context under
 * {@code request_id}, echoed in the response, and written into every audit entry.
 */
public final class RequestIds {

    /** Header that carries the request id in both directions. */
    public static final String HEADER = "X-Request-ID";

    /** Key of the request id in the logging context (MDC). */
    public static final String MDC_KEY = "request_id";

    /** 1 to 128 characters of letters, digits, '.', '_', ':' or '-'; anything else is replaced. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /**
     * @param received the header value sent by the caller, or {@code null}
     * @return {@code received} when it is well-formed, otherwise a new random UUID
     */
    public static String acceptOrGenerate(String received) {
        if (received != null && ACCEPTED.matcher(received).matches()) {
            return received;
        }
        return UUID.randomUUID().toString();
    }

    /** @return the request id of the current request, or {@code null} outside a request */
    public static String current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? null : value.toString();
    }
}

package io.infrasystem.inventory.monitoring.zabbix;

/**
 * A Zabbix API call that failed. {@link #kind()} says why, and so what the caller does: retry
 * later ({@link Kind#UNAVAILABLE}), log in again ({@link Kind#AUTH}), or report the answer
 * ({@link Kind#API}, {@link Kind#REFUSED}).
 */
public class ZabbixException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a call failed. */
    public enum Kind {
        /** No answer, a timeout, an HTTP error status or a body that is not JSON-RPC: Zabbix is down. */
        UNAVAILABLE,
        /** Zabbix refused the credentials or the session (expired, logged out). */
        AUTH,
        /** Zabbix answered the call with a JSON-RPC error other than authentication. */
        API,
        /** The URL must not be called (an internal address not on {@code infra.outbound.allow}). */
        REFUSED
    }

    private final Kind kind;

    /**
     * @param kind why the call failed
     * @param message what happened, for the connection's status
     */
    public ZabbixException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /**
     * @param kind why the call failed
     * @param message what happened
     * @param cause the underlying error
     */
    public ZabbixException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    /** @return why the call failed */
    public Kind kind() {
        return kind;
    }
}

package io.infrasystem.inventory.monitoring.zabbix;

/** Zabbix did not answer usefully (no connection, timeout, HTTP error): worth retrying later. */
public class ZabbixUnavailableException extends ZabbixException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what happened
     * @param cause the underlying error, or {@code null}
     */
    public ZabbixUnavailableException(String message, Throwable cause) {
        super(Kind.UNAVAILABLE, message, cause);
    }
}

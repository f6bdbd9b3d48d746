package io.infrasystem.cert.scan.tls;

/** A scan target the network policy does not allow, or a name that does not resolve. */
public class RefusedTargetException extends Exception {

    /** @param message why, shown in the scan result */
    public RefusedTargetException(String message) {
        super(message);
    }
}

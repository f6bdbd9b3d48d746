package io.infrasystem.cert.x509;

/** Thrown when bytes given as certificates hold none, or something else (a private key, garbage). */
public class UnreadableCertificateException extends Exception {

    /** @param message why, for the caller (no stack trace reaches a client) */
    public UnreadableCertificateException(String message) {
        super(message);
    }
}

package io.infrasystem.mail.message;

/**
 * CDI event fired in the transaction that put a message in the queue (a new message or an admin
 * retry). The delivery worker observes it after a successful commit to look for work at once
 * instead of at the end of its poll interval.
 *
 * @param messageId the queued message
 */
public record MessageQueued(long messageId) {}

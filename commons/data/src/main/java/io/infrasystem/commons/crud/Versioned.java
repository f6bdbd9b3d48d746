package io.infrasystem.commons.crud;

/**
 * A resource representation that carries its id (the last segment of its URL, as in {@code Location})
 * and its optimistic-locking version (sent as the ETag).
 */
public interface Versioned {

    /** @return the resource's id */
    long id();

    /** @return the version, incremented by every write */
    long version();
}

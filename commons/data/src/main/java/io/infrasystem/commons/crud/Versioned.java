package io.infrasystem.commons.crud;

/** A resource representation that carries its optimistic-locking version (sent as the ETag). */
public interface Versioned {

    /** @return the version, incremented by every write */
    long version();
}

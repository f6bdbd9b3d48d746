package io.infrasystem.mail.named;

import io.infrasystem.commons.crud.Versioned;

/** The API form of a named resource: its id (the last segment of its {@code Location}) and version. */
public interface NamedView extends Versioned {

    /** @return the resource's id */
    long id();
}

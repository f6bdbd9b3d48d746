package io.infrasystem.project.client;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * A client as the API shows it.
 *
 * @param id client id
 * @param name unique name
 * @param contactName the client's contact person
 * @param contactEmail the contact's e-mail address
 * @param contactPhone the contact's phone number, as written
 * @param notes free text
 * @param version optimistic-locking version ({@code ETag})
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 */
public record ClientDto(
        long id,
        String name,
        String contactName,
        String contactEmail,
        String contactPhone,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}

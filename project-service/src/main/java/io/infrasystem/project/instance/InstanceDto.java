package io.infrasystem.project.instance;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;

/**
 * An Odoo instance as the API shows it.
 *
 * @param id instance id
 * @param projectId the project's id
 * @param projectName the project's name
 * @param name name, unique within the project
 * @param type {@code production}, {@code staging} or {@code development}
 * @param status {@code active}, {@code inactive} or {@code archived}
 * @param url the instance's base URL
 * @param odooVersion Odoo series, e.g. {@code 17.0}
 * @param odooEdition {@code community} or {@code enterprise}
 * @param databaseName the Odoo database
 * @param host free text: host name or address
 * @param hostRef the host as a suite reference: {@code inventory:asset:<id>} or {@code vm:vm:<id>}
 * @param notes free text
 * @param version optimistic-locking version ({@code ETag})
 * @param createdAt creation time, UTC
 * @param updatedAt last change, UTC
 */
public record InstanceDto(
        long id,
        long projectId,
        String projectName,
        String name,
        InstanceType type,
        InstanceStatus status,
        String url,
        String odooVersion,
        OdooEdition odooEdition,
        String databaseName,
        String host,
        String hostRef,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}

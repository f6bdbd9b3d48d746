package io.infrasystem.cert.host;

import io.infrasystem.commons.crud.Versioned;
import java.time.Instant;
import java.util.List;

/**
 * A host as the API shows it.
 *
 * @param id host id
 * @param name unique name (FQDN or inventory name)
 * @param hostType {@code server}, {@code load_balancer}, {@code appliance}, {@code cloud}, {@code container}, {@code other}
 * @param environment {@code production}, {@code staging}, {@code development}, {@code test}, {@code other}
 * @param ipAddresses its IP addresses, sorted
 * @param notes operator notes
 * @param version optimistic-locking version ({@code ETag})
 */
public record HostDto(
        long id,
        String name,
        HostType hostType,
        HostEnvironment environment,
        List<HostIpDto> ipAddresses,
        String notes,
        long version,
        Instant createdAt,
        Instant updatedAt)
        implements Versioned {}

package io.infrasystem.cert.host;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.util.ArrayList;
import java.util.List;

/** A physical or virtual host that serves certificates ({@code host}); its name is unique (case-insensitive). */
@Entity
public class Host extends Tracked {

    public String name;
    public HostType hostType;
    public HostEnvironment environment;
    public String notes;

    @OneToMany(mappedBy = "host", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("ipAddress")
    public List<HostIp> ips = new ArrayList<>();

    /** @return the API view */
    public HostDto dto() {
        return new HostDto(
                id,
                name,
                hostType,
                environment,
                ips.stream().map(HostIpDto::of).toList(),
                notes,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public HostInput input() {
        return new HostInput(
                name,
                hostType,
                environment,
                ips.stream().map(ip -> ip.ipAddress).toList(),
                notes);
    }
}

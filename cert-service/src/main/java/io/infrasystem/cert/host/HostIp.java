package io.infrasystem.cert.host;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** An IP address of a host ({@code host_ip}); bindings may name it. */
@Entity
public class HostIp extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Host host;

    /** Canonical text form ({@code 192.0.2.10}, {@code 2001:db8:0:0:0:0:0:1}). */
    public String ipAddress;
}

package io.infrasystem.cert.binding;

import io.infrasystem.cert.application.Application;
import io.infrasystem.cert.certificate.Certificate;
import io.infrasystem.cert.host.Host;
import io.infrasystem.cert.host.HostIp;
import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import org.hibernate.annotations.OptimisticLock;

/**
 * Where a certificate is served ({@code certificate_binding}): a host and/or one of its IP
 * addresses, a port, an application, a platform; a parent binding models a flow (load balancer →
 * backend).
 */
@Entity
public class CertificateBinding extends Tracked {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Certificate certificate;

    @ManyToOne(fetch = FetchType.LAZY)
    public Host host;

    @ManyToOne(fetch = FetchType.LAZY)
    public HostIp hostIp;

    public Integer port;

    @ManyToOne(fetch = FetchType.LAZY)
    public Application application;

    public Platform platform;

    @ManyToOne(fetch = FetchType.LAZY)
    public CertificateBinding parentBinding;

    public String sni;
    public Instant firstSeenAt;
    /** Moved by every scan that confirms the binding; no version bump (an editor's ETag stays good). */
    @OptimisticLock(excluded = true)
    public Instant lastSeenAt;

    public String notes;

    /** @return the API view */
    public BindingDto dto() {
        return new BindingDto(
                id,
                certificate.id,
                certificate.commonName,
                host == null ? null : host.id,
                host == null ? null : host.name,
                hostIp == null ? null : hostIp.id,
                hostIp == null ? null : hostIp.ipAddress,
                port,
                application == null ? null : application.id,
                application == null ? null : application.name,
                platform,
                parentBinding == null ? null : parentBinding.id,
                sni,
                firstSeenAt,
                lastSeenAt,
                notes,
                version,
                createdAt,
                updatedAt);
    }

    /** @return the current values as an input (the target of a merge patch) */
    public BindingInput input() {
        return new BindingInput(
                certificate.id,
                host == null ? null : host.id,
                hostIp == null ? null : hostIp.id,
                port,
                application == null ? null : application.id,
                platform,
                parentBinding == null ? null : parentBinding.id,
                sni,
                notes);
    }
}

package io.infrasystem.cert.host;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Hosts on the commons CRUD kernel. Filters: {@code id}, {@code created_at}, {@code updated_at},
 * {@code name}, {@code host_type}, {@code environment}, {@code ip_address}, {@code q} (name, notes).
 * Names are unique, case-insensitive (409); a host that bindings name cannot be deleted (409).
 */
@ApplicationScoped
public class HostService extends EntityCrudService<Host, HostDto, HostInput> {

    static final CrudKind<Host, HostDto, HostInput> KIND = CrudKind.of("host", Host.class, HostInput.class)
            .listedBy(CrudKind.filters("h", "name")
                    .fields(FilterField::text, "name")
                    .field(FilterField.choice("host_type", "h.hostType", HostType.class))
                    .field(FilterField.choice("environment", "h.environment", HostEnvironment.class))
                    .field(FilterField.membership(
                            "ip_address",
                            "exists (select 1 from HostIp i where i.host = h and i.ipAddress in (:values))",
                            v -> IpAddresses.canonical(v).orElse(v.strip())))
                    .search("h.name", "coalesce(h.notes, '')"))
            .entity(Host::new, Host::dto, Host::input)
            .deletableUnless(
                    "select count(b) from CertificateBinding b where b.host.id = :id or b.hostIp.host.id = :id",
                    (host, n) -> "host " + host.name + " has " + n + " certificate binding(s); delete them first");

    @Inject
    public HostService(ChangeRecorder changes, MergePatch mergePatch) {
        super(changes, mergePatch, KIND);
    }

    /** For the CDI client proxy only. */
    protected HostService() {}

    @Override
    protected void validate(HostInput input) {
        List<FieldError> errors = new ArrayList<>();
        if (input.ipAddresses() != null) {
            for (int i = 0; i < input.ipAddresses().size(); i++) {
                if (IpAddresses.canonical(input.ipAddresses().get(i)).isEmpty()) {
                    errors.add(new FieldError("ip_addresses[" + i + "]", "must be an IPv4 or IPv6 address"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /** @throws ProblemException 409 when another host has the name */
    @Override
    protected void apply(Host host, HostInput input) {
        String name = input.name().strip();
        refuseTaken(host, "name", name, "a host named " + name + " exists already");
        host.name = name;
        host.hostType = input.hostType();
        host.environment = input.environment();
        host.notes = input.notes();
        Set<String> wanted = new LinkedHashSet<>();
        if (input.ipAddresses() != null) {
            input.ipAddresses()
                    .forEach(ip -> wanted.add(IpAddresses.canonical(ip).orElseThrow()));
        }
        host.ips.removeIf(ip -> !wanted.contains(ip.ipAddress));
        for (String address : wanted) {
            if (host.ips.stream().noneMatch(ip -> ip.ipAddress.equals(address))) {
                addIp(host, address);
            }
        }
    }

    /**
     * @param name a host name, any case
     * @return the host of that name
     */
    public Optional<Host> byName(String name) {
        return Host.find("lower(name) = ?1", name.strip().toLowerCase(Locale.ROOT))
                .firstResultOptional();
    }

    /**
     * Adds an address to a host (no check of uniqueness; call inside a transaction).
     *
     * @return the new address row
     */
    public HostIp addIp(Host host, String canonicalAddress) {
        HostIp ip = new HostIp();
        ip.host = host;
        ip.ipAddress = canonicalAddress;
        host.ips.add(ip);
        return ip;
    }
}

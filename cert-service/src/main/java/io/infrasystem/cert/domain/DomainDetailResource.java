package io.infrasystem.cert.domain;

import io.infrasystem.cert.domain.dns.CaaCheck;
import io.infrasystem.cert.domain.dns.DnsRefresh;
import io.infrasystem.cert.domain.rdap.RegistrationRefresh;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * What belongs to one domain beyond its CRUD fields ({@code /api/cert/domains/{id}/…}):
 * {@code GET subdomains} (the tree below it), {@code GET hosts}, {@code GET caa} (its CAA records
 * next to its certificates' issuers, a mismatch flagged), all {@code cert:read}; and, with
 * {@code cert:write}, {@code POST refresh-registration} (RDAP now; 409 for a subdomain) and
 * {@code POST refresh-dns} (DNS lookup now), each answering the domain after the query.
 */
@Path("/api/cert/domains/{id}")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DomainDetailResource {

    private final DomainTree tree;
    private final CaaCheck caa;
    private final RegistrationRefresh registration;
    private final DnsRefresh dns;

    public DomainDetailResource(DomainTree tree, CaaCheck caa, RegistrationRefresh registration, DnsRefresh dns) {
        this.tree = tree;
        this.caa = caa;
        this.registration = registration;
        this.dns = dns;
    }

    /** @return the domain with its subdomains nested; 404 for an unknown id */
    @GET
    @Path("subdomains")
    @RolesAllowed(Scopes.CERT_READ)
    public DomainTree.Node subdomains(@PathParam("id") long id) {
        return tree.tree(id);
    }

    /** @return the domain's hosts; 404 for an unknown id */
    @GET
    @Path("hosts")
    @RolesAllowed(Scopes.CERT_READ)
    public List<DomainTree.DomainHost> hosts(@PathParam("id") long id) {
        return tree.hosts(id);
    }

    /** @return the CAA report; 404 for an unknown id */
    @GET
    @Path("caa")
    @RolesAllowed(Scopes.CERT_READ)
    public CaaCheck.CaaReport caa(@PathParam("id") long id) {
        return caa.report(id);
    }

    /** @return the domain after an RDAP query (its {@code registration.result} tells how it went); 404, 409 */
    @POST
    @Path("refresh-registration")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.CERT_WRITE)
    public DomainDto refreshRegistration(@PathParam("id") long id) {
        return registration.refresh(id);
    }

    /** @return the domain after a DNS lookup (its {@code dns.result} tells how it went); 404 */
    @POST
    @Path("refresh-dns")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Scopes.CERT_WRITE)
    public DomainDto refreshDns(@PathParam("id") long id) {
        return dns.refresh(id);
    }
}

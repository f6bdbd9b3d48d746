package io.infrasystem.cert.domain.rdap;

import io.infrasystem.cert.domain.Domain;
import io.infrasystem.cert.domain.DomainDto;
import io.infrasystem.cert.domain.DomainState;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Queries the registry's RDAP server for a registrable domain ({@code <base>domain/<name>}, RFC
 * 9082 §3.1.3, {@code Accept: application/rdap+json}) and stores the answer on the domain. A query
 * that fails leaves the stored data as they were and records why ({@link RdapResult}); a 429 also
 * keeps the scheduled pass away from the domain until its {@code Retry-After} (or
 * {@code infra.cert.rdap.rate-limit-backoff}) and from the server for the rest of the pass. The HTTP
 * call runs outside any transaction; reading and storing are short transactions of their own.
 */
@ApplicationScoped
public class RegistrationRefresh {

    private static final Logger LOG = Logger.getLogger(RegistrationRefresh.class);
    static final String RDAP_JSON = "application/rdap+json, application/json;q=0.9";

    private final RdapBootstrap bootstrap;
    private final RdapHttp http;
    private final RdapConfig config;

    public RegistrationRefresh(RdapBootstrap bootstrap, RdapHttp http, RdapConfig config) {
        this.bootstrap = bootstrap;
        this.http = http;
        this.config = config;
    }

    /**
     * Queries one domain now.
     *
     * @param id a registrable domain's id
     * @return the domain after the query (its {@code registration.result} tells how it went)
     * @throws ProblemException 404 for an unknown id, 409 for a subdomain (registration data belong
     *     to the registrable domain, which the message names)
     */
    public DomainDto refresh(long id) {
        String name = QuarkusTransaction.requiringNew().call(() -> {
            Domain domain = Domain.findById(id);
            if (domain == null) {
                throw ProblemException.notFound("domain", id);
            }
            if (domain.parent != null) {
                Domain top = domain.parent;
                while (top.parent != null) {
                    top = top.parent;
                }
                throw ProblemException.conflict("domain " + domain.name
                        + " is a subdomain; registration data are those of its registrable domain " + top.name
                        + " (id " + top.id + ")");
            }
            return domain.name;
        });
        Outcome outcome = query(name);
        QuarkusTransaction.requiringNew().run(() -> store(id, outcome, Instant.now()));
        return QuarkusTransaction.requiringNew()
                .call(() -> Domain.<Domain>findById(id).dto());
    }

    /** Scheduled pass ({@code infra.cert.rdap.refresh-check}). */
    @Scheduled(
            every = "${infra.cert.rdap.refresh-check:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        refreshDue(Instant.now());
    }

    /**
     * Queries the registrable domains never queried or last queried more than
     * {@code infra.cert.rdap.max-age} ago, oldest first, at most {@code batch}, one at a time with
     * {@code pause} between two queries; domains waiting for a {@code Retry-After} are left out, as
     * are, for the rest of the pass, the other domains of a server that answered 429.
     *
     * @param now the time to judge by
     * @return the number of domains queried
     */
    public int refreshDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> Domain.<Domain>find(
                                "parent is null and (registration.checkedAt is null or registration.checkedAt < ?1)"
                                        + " and (registration.retryAt is null or registration.retryAt <= ?2)"
                                        + " order by registration.checkedAt nulls first, id",
                                now.minus(config.maxAge()),
                                now)
                        .range(0, config.batch() - 1)
                        .stream()
                        .map(d -> d.id)
                        .toList());
        Set<URI> limited = new HashSet<>();
        int queried = 0;
        for (Long id : due) {
            String name = QuarkusTransaction.requiringNew()
                    .call(() ->
                            Domain.<Domain>findByIdOptional(id).map(d -> d.name).orElse(null));
            if (name == null) {
                continue;
            }
            URI server = bootstrap.serverFor(name).orElse(null);
            if (server != null && limited.contains(server)) {
                continue;
            }
            if (queried > 0 && pause()) {
                break;
            }
            Outcome outcome = query(name);
            queried++;
            if (outcome.failure() != null && outcome.failure().result() == RdapResult.RATE_LIMITED && server != null) {
                limited.add(server);
            }
            QuarkusTransaction.requiringNew().run(() -> store(id, outcome, Instant.now()));
        }
        return queried;
    }

    /** @return whether the pass was interrupted */
    private boolean pause() {
        try {
            Thread.sleep(config.pause());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }

    /**
     * The result of one query: the data, or why there are none.
     *
     * @param url the URL queried (or {@code null})
     * @param data what the registry said, or {@code null}
     * @param failure why it said nothing usable, or {@code null}
     */
    record Outcome(String url, RegistrationData data, RdapFailure failure) {}

    /** @return the outcome of querying the registry for {@code name}; never throws */
    Outcome query(String name) {
        URI base = bootstrap.serverFor(name).orElse(null);
        if (base == null) {
            return new Outcome(
                    null,
                    null,
                    new RdapFailure(
                            RdapResult.NO_SERVER,
                            null,
                            "the RDAP bootstrap file (" + bootstrap.current().source() + ") names no server for "
                                    + name.substring(name.lastIndexOf('.') + 1),
                            null));
        }
        URI url = base.resolve("domain/" + name);
        try {
            RdapHttp.Answer answer = http.get(url, RDAP_JSON);
            String at = answer.uri().toString();
            return switch (answer.status()) {
                case 200 -> {
                    try {
                        yield new Outcome(at, RdapAnswers.parse(answer.body(), name), null);
                    } catch (IllegalArgumentException e) {
                        yield new Outcome(at, null, new RdapFailure(RdapResult.MALFORMED, at, e.getMessage(), null));
                    }
                }
                case 404 ->
                    new Outcome(
                            at,
                            null,
                            new RdapFailure(
                                    RdapResult.NOT_FOUND,
                                    at,
                                    "the registry knows no domain " + name + " (HTTP 404)",
                                    null));
                case 429 ->
                    new Outcome(
                            at,
                            null,
                            new RdapFailure(
                                    RdapResult.RATE_LIMITED,
                                    at,
                                    "the registry's rate limit was hit (HTTP 429)"
                                            + answer.retryAfter()
                                                    .map(d -> ", retry after " + d.toSeconds() + " s")
                                                    .orElse(""),
                                    answer.retryAfter().orElse(config.rateLimitBackoff())));
                default ->
                    new Outcome(
                            at,
                            null,
                            new RdapFailure(
                                    RdapResult.ERROR, at, "the registry answered HTTP " + answer.status(), null));
            };
        } catch (RdapFailure e) {
            return new Outcome(e.url(), null, e);
        }
    }

    /** Stores the outcome (data only when it has some) on the domain's refreshed state. */
    private static void store(long id, Outcome outcome, Instant now) {
        DomainState state = DomainState.findById(id);
        if (state == null) {
            throw ProblemException.notFound("domain", id);
        }
        if (outcome.data() != null) {
            state.registration().store(outcome.data(), outcome.url(), now);
        } else {
            LOG.debugf(
                    "RDAP %s: %s %s",
                    state.name, outcome.failure().result(), outcome.failure().getMessage());
            state.registration().fail(outcome.failure(), now);
        }
    }
}

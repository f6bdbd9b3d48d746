package io.infrasystem.cert.domain.dns;

import io.infrasystem.cert.domain.Domain;
import io.infrasystem.cert.domain.DomainDto;
import io.infrasystem.cert.domain.DomainState;
import io.infrasystem.commons.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Looks up a domain's DNS records and stores what changed: new records are added with an
 * {@code added} change, records no longer answered are deleted with a {@code removed} change, the
 * others get their {@code last_seen_at} and TTL. NXDOMAIN removes every record (the name is gone);
 * an error changes nothing but the domain's {@code dns} state. The lookup runs outside any
 * transaction; the comparison and the writes are one transaction.
 */
@ApplicationScoped
public class DnsRefresh {

    private final DnsLookup lookup;
    private final DnsConfig config;

    public DnsRefresh(DnsLookup lookup, DnsConfig config) {
        this.lookup = lookup;
        this.config = config;
    }

    /**
     * @param id a domain's id
     * @return the domain after the lookup ({@code dns.result} tells how it went)
     * @throws ProblemException 404 for an unknown id
     */
    public DomainDto refresh(long id) {
        String name = QuarkusTransaction.requiringNew()
                .call(() -> Domain.<Domain>findByIdOptional(id)
                        .map(d -> d.name)
                        .orElseThrow(() -> ProblemException.notFound("domain", id)));
        DnsLookup.Answer answer = lookup.lookup(name);
        QuarkusTransaction.requiringNew().run(() -> store(id, answer, Instant.now()));
        return QuarkusTransaction.requiringNew()
                .call(() -> Domain.<Domain>findById(id).dto());
    }

    /** Scheduled pass ({@code infra.cert.dns.refresh-check}). */
    @Scheduled(
            every = "${infra.cert.dns.refresh-check:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        refreshDue(Instant.now());
    }

    /**
     * Looks up the domains never looked up or last looked up more than {@code infra.cert.dns.max-age}
     * ago, oldest first, at most {@code batch}.
     *
     * @param now the time to judge by
     * @return the number of domains looked up
     */
    public int refreshDue(Instant now) {
        List<Long> due = QuarkusTransaction.requiringNew()
                .call(() -> Domain.<Domain>find(
                                "dns.checkedAt is null or dns.checkedAt < ?1 order by dns.checkedAt nulls first, id",
                                now.minus(config.maxAge()))
                        .range(0, config.batch() - 1)
                        .stream()
                        .map(d -> d.id)
                        .toList());
        int done = 0;
        for (Long id : due) {
            try {
                refresh(id);
                done++;
            } catch (ProblemException e) {
                // deleted meanwhile
            }
        }
        return done;
    }

    private static void store(long id, DnsLookup.Answer answer, Instant now) {
        DomainState state = DomainState.findById(id);
        if (state == null) {
            throw ProblemException.notFound("domain", id);
        }
        Domain domain = Domain.getEntityManager().getReference(Domain.class, id);
        DnsCheck check = state.dns();
        check.checkedAt = now;
        check.result = answer.result();
        check.error = answer.error() != null && answer.error().length() > 1000
                ? answer.error().substring(0, 1000)
                : answer.error();
        if (answer.result() == DnsResult.ERROR) {
            return;
        }
        Map<String, DnsRecord> current = new HashMap<>();
        for (DnsRecord record : DnsRecord.<DnsRecord>list("domain", domain)) {
            current.put(record.recordType + " " + record.value, record);
        }
        Map<String, DnsLookup.Seen> seen = new LinkedHashMap<>();
        for (DnsLookup.Seen s : answer.records()) {
            seen.putIfAbsent(s.type() + " " + s.value(), s);
        }
        for (Map.Entry<String, DnsLookup.Seen> entry : seen.entrySet()) {
            DnsLookup.Seen s = entry.getValue();
            DnsRecord record = current.remove(entry.getKey());
            if (record != null) {
                record.lastSeenAt = now;
                record.ttl = s.ttl();
                continue;
            }
            record = new DnsRecord();
            record.domain = domain;
            record.recordType = s.type();
            record.value = s.value();
            record.ttl = s.ttl();
            record.firstSeenAt = now;
            record.lastSeenAt = now;
            record.persist();
            change(domain, s.type(), s.value(), s.ttl(), DnsRecordChange.ADDED, now);
        }
        for (DnsRecord gone : current.values()) {
            change(domain, gone.recordType, gone.value, gone.ttl, DnsRecordChange.REMOVED, now);
            gone.delete();
        }
    }

    private static void change(Domain domain, String type, String value, long ttl, String action, Instant now) {
        DnsRecordChange change = new DnsRecordChange();
        change.domain = domain;
        change.recordType = type;
        change.value = value;
        change.ttl = ttl;
        change.action = action;
        change.changedAt = now;
        change.persist();
    }
}

package io.infrasystem.project.health;

import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.paging.PageRequest;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.project.instance.InstanceDto;
import io.infrasystem.project.instance.InstanceService;
import io.infrasystem.project.instance.InstanceStatus;
import io.infrasystem.project.instance.OdooInstance;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The health history of Odoo instances: probes on demand and, when
 * {@code infra.project.health.enabled}, every {@code infra.project.health.interval} (default 5
 * minutes) for every active instance with a URL. Each probe is stored (the newest
 * {@code keep} per instance are kept); the network call runs outside any transaction.
 */
@ApplicationScoped
public class HealthService {

    private static final Logger LOG = Logger.getLogger(HealthService.class);

    private final InstanceService instances;
    private final OdooVersionProbe probe;
    private final HealthConfig config;

    public HealthService(InstanceService instances, OdooVersionProbe probe, HealthConfig config) {
        this.instances = instances;
        this.probe = probe;
        this.config = config;
    }

    /** The scheduled pass over every active instance that has a URL. */
    @Scheduled(
            every = "${infra.project.health.interval:PT5M}",
            delayed = "PT30S",
            identity = "instance-health",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        List<Object[]> targets = QuarkusTransaction.requiringNew()
                .call(() -> OdooInstance.getEntityManager()
                        .createQuery(
                                "select i.id, i.url from OdooInstance i where i.status = :active and i.url is not null",
                                Object[].class)
                        .setParameter("active", InstanceStatus.ACTIVE)
                        .getResultList());
        int down = 0;
        for (Object[] target : targets) {
            HealthCheckDto stored = store((Long) target[0], probe.probe((String) target[1]));
            if (stored != null && stored.status() == HealthStatus.DOWN) {
                down++;
            }
        }
        LOG.infof("instance health: %d probed, %d down", targets.size(), down);
    }

    /**
     * Probes one instance now (the caller must see it).
     *
     * @param instanceId the instance
     * @return the stored probe
     * @throws ProblemException 404 when the instance is missing or not visible, 409 when it has no URL
     */
    public HealthCheckDto probeNow(long instanceId) {
        InstanceDto instance = instances.get(instanceId);
        if (instance.url() == null) {
            throw ProblemException.conflict("instance " + instanceId + " has no URL to probe");
        }
        return store(instanceId, probe.probe(instance.url()));
    }

    /**
     * @param instanceId the instance (the caller must see it)
     * @param uri the request: {@code limit}, {@code offset}
     * @return its probes, newest first
     * @throws ProblemException 404 when the instance is missing or not visible
     */
    public Page<HealthCheckDto> history(long instanceId, UriInfo uri) {
        instances.get(instanceId);
        PageRequest request = PageRequest.from(uri.getQueryParameters());
        return QuarkusTransaction.requiringNew().call(() -> {
            long count = HealthCheck.count("instanceId", instanceId);
            List<HealthCheckDto> rows = HealthCheck.<HealthCheck>find(
                            "instanceId = ?1 order by checkedAt desc, id desc", instanceId)
                    .range((int) request.offset(), (int) (request.offset() + request.limit() - 1))
                    .list()
                    .stream()
                    .map(HealthCheck::dto)
                    .toList();
            return Page.of(rows, count, request, uri);
        });
    }

    /** @return the stored probe, {@code null} when the instance was deleted meanwhile */
    private HealthCheckDto store(long instanceId, OdooVersionProbe.Result result) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (OdooInstance.findById(instanceId) == null) {
                return null;
            }
            HealthCheck check = new HealthCheck();
            check.instanceId = instanceId;
            check.checkedAt = result.checkedAt();
            check.status = result.status();
            check.httpStatus = result.httpStatus();
            check.latencyMs = result.latencyMs();
            check.serverVersion = result.serverVersion();
            check.error = result.error();
            check.persistAndFlush();
            HealthCheck.getEntityManager()
                    .createNativeQuery("delete from instance_health_check where instance_id = ?1 and id not in"
                            + " (select id from instance_health_check where instance_id = ?1"
                            + " order by checked_at desc, id desc limit ?2)")
                    .setParameter(1, instanceId)
                    .setParameter(2, config.keep())
                    .executeUpdate();
            return check.dto();
        });
    }
}

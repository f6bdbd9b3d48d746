package io.infrasystem.inventory.monitoring.poll;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.inventory.monitoring.config.MonitoringConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the connections' settings for the poller, each read a short transaction. */
@ApplicationScoped
public class Connections {

    /**
     * @return the settings of a connection, secrets in clear
     * @throws ProblemException 404 when there is none of this id
     */
    @Transactional
    ConnectionSettings settings(long configId) {
        MonitoringConfig config = MonitoringConfig.findById(configId);
        if (config == null) {
            throw ProblemException.notFound("monitoring config", configId);
        }
        return ConnectionSettings.of(config);
    }

    /**
     * @param now the time of the tick
     * @return ids of the enabled connections whose poll interval has passed since their last poll
     */
    @Transactional
    List<Long> due(Instant now) {
        Map<Long, Instant> lastPolls = new HashMap<>();
        PollState.<PollState>listAll().forEach(s -> lastPolls.put(s.configId, s.lastPollAt));
        return MonitoringConfig.<MonitoringConfig>list("enabled = true order by id").stream()
                .filter(c -> {
                    Instant last = lastPolls.get(c.id);
                    return last == null
                            || !last.plusSeconds(c.pollIntervalSeconds).isAfter(now);
                })
                .map(c -> c.id)
                .toList();
    }
}

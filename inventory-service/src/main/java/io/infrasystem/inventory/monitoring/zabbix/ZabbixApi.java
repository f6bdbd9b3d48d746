package io.infrasystem.inventory.monitoring.zabbix;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Zabbix 6.0 API methods the monitoring feature uses, typed: {@code apiinfo.version},
 * {@code user.login}, {@code problem.get}, {@code event.get}, {@code trigger.get}, {@code host.get}
 * and {@code event.acknowledge} (shapes from the Zabbix 6.0 API reference). A call refused for its
 * session is repeated once after {@link ZabbixAuth#renew()}.
 */
@ApplicationScoped
public class ZabbixApi {

    /** {@code event.acknowledge} action bits: 2 acknowledge, 4 add message. */
    private static final int ACKNOWLEDGE = 2;

    private static final int ADD_MESSAGE = 4;

    /** Problem events of triggers: {@code source=0} (triggers), {@code object=0} (trigger). */
    private static final Map<String, Object> TRIGGER_PROBLEMS = Map.of("source", 0, "object", 0);

    private static final List<String> PROBLEM_FIELDS =
            List.of("eventid", "clock", "name", "severity", "r_eventid", "acknowledged", "objectid");

    private final ZabbixRpc rpc;

    public ZabbixApi(ZabbixRpc rpc) {
        this.rpc = rpc;
    }

    /**
     * @param url the API's URL
     * @return the API version, e.g. {@code 6.0.14} (needs no login)
     */
    public String version(java.net.URI url) {
        return rpc.call(url, "apiinfo.version", Map.of(), null).asText();
    }

    /**
     * @param url the API's URL
     * @return a new session id
     * @throws ZabbixException {@link ZabbixException.Kind#AUTH} when the login is refused
     */
    public String login(java.net.URI url, String username, String password) {
        return rpc.call(url, "user.login", Map.of("username", username, "password", password), null)
                .asText();
    }

    /**
     * @return the unresolved problems of triggers, oldest first ({@code problem.get})
     */
    public List<ZabbixProblem> openProblems(ZabbixTarget target) {
        Map<String, Object> params = new LinkedHashMap<>(TRIGGER_PROBLEMS);
        params.put("output", PROBLEM_FIELDS);
        params.put("sortfield", List.of("eventid"));
        params.put("sortorder", "ASC");
        return problems(call(target, "problem.get", params));
    }

    /**
     * @param afterEventId return only events with a higher id
     * @param limit at most this many
     * @return trigger problem events after the cursor, in id order ({@code event.get value=1}),
     *     resolved ones included
     */
    public List<ZabbixProblem> problemEventsAfter(ZabbixTarget target, long afterEventId, int limit) {
        Map<String, Object> params = new LinkedHashMap<>(TRIGGER_PROBLEMS);
        params.put("value", 1);
        params.put("eventid_from", Long.toString(afterEventId + 1));
        params.put("output", PROBLEM_FIELDS);
        params.put("sortfield", List.of("eventid"));
        params.put("sortorder", "ASC");
        params.put("limit", limit);
        return problems(call(target, "event.get", params));
    }

    /** @return the highest event id of trigger events so far, 0 when there is none */
    public long lastEventId(ZabbixTarget target) {
        Map<String, Object> params = new LinkedHashMap<>(TRIGGER_PROBLEMS);
        params.put("output", List.of("eventid"));
        params.put("sortfield", List.of("eventid"));
        params.put("sortorder", "DESC");
        params.put("limit", 1);
        JsonNode events = call(target, "event.get", params);
        return events.isEmpty() ? 0 : events.get(0).path("eventid").asLong();
    }

    /**
     * @param eventIds problem event ids
     * @return those events as Zabbix has them now (recovery id, acknowledgement); an event deleted
     *     by Zabbix's housekeeper is missing
     */
    public List<ZabbixProblem> problemEvents(ZabbixTarget target, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("eventids", ids(eventIds));
        params.put("output", PROBLEM_FIELDS);
        return problems(call(target, "event.get", params));
    }

    /**
     * @param eventIds any event ids (e.g. recovery events)
     * @return event id to the event's time
     */
    public Map<Long, Instant> eventTimes(ZabbixTarget target, Collection<Long> eventIds) {
        Map<Long, Instant> times = new HashMap<>();
        if (eventIds.isEmpty()) {
            return times;
        }
        Map<String, Object> params = Map.of("eventids", ids(eventIds), "output", List.of("eventid", "clock"));
        for (JsonNode event : call(target, "event.get", params)) {
            times.put(
                    event.path("eventid").asLong(),
                    Instant.ofEpochSecond(event.path("clock").asLong()));
        }
        return times;
    }

    /**
     * @param triggerIds trigger ids
     * @return trigger id to the id of its (first) host ({@code trigger.get selectHosts})
     */
    public Map<Long, Long> triggerHosts(ZabbixTarget target, Collection<Long> triggerIds) {
        Map<Long, Long> hosts = new HashMap<>();
        if (triggerIds.isEmpty()) {
            return hosts;
        }
        Map<String, Object> params =
                Map.of("triggerids", ids(triggerIds), "output", List.of("triggerid"), "selectHosts", List.of("hostid"));
        for (JsonNode trigger : call(target, "trigger.get", params)) {
            JsonNode first = trigger.path("hosts").path(0);
            if (!first.isMissingNode()) {
                hosts.put(
                        trigger.path("triggerid").asLong(), first.path("hostid").asLong());
            }
        }
        return hosts;
    }

    /**
     * @param hostIds host ids
     * @return those hosts with their interface IPs and tags ({@code host.get})
     */
    public List<ZabbixHost> hosts(ZabbixTarget target, Collection<Long> hostIds) {
        if (hostIds.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = Map.of(
                "hostids", ids(hostIds),
                "output", List.of("hostid", "host", "name"),
                "selectInterfaces", List.of("ip"),
                "selectTags", List.of("tag", "value"));
        List<ZabbixHost> hosts = new ArrayList<>();
        for (JsonNode host : call(target, "host.get", params)) {
            List<String> ips = new ArrayList<>();
            host.path("interfaces").forEach(i -> {
                if (!i.path("ip").asText("").isBlank()) {
                    ips.add(i.path("ip").asText());
                }
            });
            Map<String, String> tags = new LinkedHashMap<>();
            host.path("tags")
                    .forEach(t -> tags.putIfAbsent(
                            t.path("tag").asText(), t.path("value").asText("")));
            hosts.add(new ZabbixHost(
                    host.path("hostid").asLong(),
                    host.path("host").asText(),
                    host.path("name").asText(),
                    ips,
                    tags));
        }
        return hosts;
    }

    /**
     * Acknowledges problem events in Zabbix ({@code event.acknowledge}), with the comment as the
     * acknowledgement's message when there is one.
     *
     * @param message the comment, or {@code null}/blank for none (Zabbix keeps at most 2048 characters)
     */
    public void acknowledge(ZabbixTarget target, Collection<Long> eventIds, String message) {
        boolean withMessage = message != null && !message.isBlank();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("eventids", ids(eventIds));
        params.put("action", withMessage ? ACKNOWLEDGE | ADD_MESSAGE : ACKNOWLEDGE);
        if (withMessage) {
            params.put("message", message);
        }
        call(target, "event.acknowledge", params);
    }

    private JsonNode call(ZabbixTarget target, String method, Object params) {
        try {
            return rpc.call(target.url(), method, params, target.auth().token());
        } catch (ZabbixException e) {
            if (e.kind() != ZabbixException.Kind.AUTH) {
                throw e;
            }
            return rpc.call(target.url(), method, params, target.auth().renew());
        }
    }

    private static List<String> ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    private static List<ZabbixProblem> problems(JsonNode result) {
        List<ZabbixProblem> problems = new ArrayList<>();
        for (JsonNode p : result) {
            problems.add(new ZabbixProblem(
                    p.path("eventid").asLong(),
                    Instant.ofEpochSecond(p.path("clock").asLong()),
                    p.path("name").asText(),
                    p.path("severity").asInt(),
                    p.path("r_eventid").asLong(),
                    p.path("acknowledged").asInt() == 1,
                    p.path("objectid").asLong()));
        }
        return problems;
    }
}

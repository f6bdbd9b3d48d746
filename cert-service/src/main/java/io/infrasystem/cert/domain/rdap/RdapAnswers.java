package io.infrasystem.cert.domain.rdap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.IDN;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads RDAP domain answers (RFC 9083 §5.3) with Jackson: the registrar is the entity with role
 * {@code registrar} (its vCard {@code fn}, RFC 7095 jCard, and its {@code IANA Registrar ID}
 * public id), the dates are the events {@code registration}, {@code expiration} and
 * {@code last changed} (RFC 3339), {@code status} and the nameservers' {@code ldhName}s. Unknown
 * members are ignored (RFC 9083 §2.1).
 */
public final class RdapAnswers {

    /** RDAP members are camelCase and extended freely by registries: a mapper of its own, lenient. */
    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private RdapAnswers() {}

    /** An RDAP domain object, the members read here. */
    record DomainObject(
            String objectClassName,
            String ldhName,
            List<String> status,
            List<Event> events,
            List<EntityObject> entities,
            List<NameserverObject> nameservers) {}

    /** An event (RFC 9083 §4.5). */
    record Event(String eventAction, String eventDate) {}

    /** An entity (RFC 9083 §5.1); registrars sometimes nest their contacts. */
    record EntityObject(List<String> roles, JsonNode vcardArray, List<PublicId> publicIds) {}

    /** A public identifier (RFC 9083 §4.8). */
    record PublicId(String type, String identifier) {}

    /** A nameserver object (RFC 9083 §5.2). */
    record NameserverObject(String ldhName) {}

    /**
     * @param body the answer's body
     * @param name the domain queried (lower-case ASCII)
     * @return the registration it describes
     * @throws IllegalArgumentException naming the problem when the body is not JSON, not a domain
     *     object, names another domain or holds a date that is not RFC 3339
     */
    public static RegistrationData parse(String body, String name) {
        DomainObject domain;
        try {
            domain = JSON.readValue(body, DomainObject.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the answer is not valid JSON: " + e.getOriginalMessage());
        }
        if (domain == null || !"domain".equals(domain.objectClassName())) {
            throw new IllegalArgumentException("the answer is not an RDAP domain object (objectClassName "
                    + (domain == null ? "missing" : domain.objectClassName()) + ")");
        }
        String ldh = domain.ldhName() == null ? null : stripDot(domain.ldhName());
        if (ldh != null && !IDN.toASCII(ldh, IDN.ALLOW_UNASSIGNED).equalsIgnoreCase(name)) {
            throw new IllegalArgumentException("the answer describes " + ldh + ", not " + name);
        }
        Instant registered = null;
        Instant expires = null;
        Instant changed = null;
        for (Event event : nonNull(domain.events())) {
            if (event == null || event.eventAction() == null) {
                continue;
            }
            switch (event.eventAction().toLowerCase(Locale.ROOT)) {
                case "registration" -> registered = date(event);
                case "expiration" -> expires = date(event);
                case "last changed" -> changed = date(event);
                default -> {
                    // other events (last update of RDAP database, transfer, ...) are not kept
                }
            }
        }
        String registrar = null;
        String ianaId = null;
        for (EntityObject entity : nonNull(domain.entities())) {
            if (entity != null && entity.roles() != null && entity.roles().contains("registrar")) {
                registrar = fullName(entity.vcardArray());
                ianaId = nonNull(entity.publicIds()).stream()
                        .filter(id -> id != null && "IANA Registrar ID".equalsIgnoreCase(id.type()))
                        .map(PublicId::identifier)
                        .findFirst()
                        .orElse(null);
                break;
            }
        }
        List<String> nameservers = new ArrayList<>();
        for (NameserverObject ns : nonNull(domain.nameservers())) {
            if (ns != null && ns.ldhName() != null && !ns.ldhName().isBlank()) {
                nameservers.add(stripDot(ns.ldhName().strip()).toLowerCase(Locale.ROOT));
            }
        }
        List<String> statuses = nonNull(domain.status()).stream()
                .filter(s -> s != null && !s.isBlank())
                .toList();
        return new RegistrationData(registrar, ianaId, registered, expires, changed, statuses, nameservers);
    }

    /** @return the {@code fn} of a jCard ({@code ["vcard", [["fn", {}, "text", "Name"], ...]]}), or {@code null} */
    static String fullName(JsonNode vcard) {
        if (vcard == null
                || !vcard.isArray()
                || vcard.size() < 2
                || !vcard.get(1).isArray()) {
            return null;
        }
        for (JsonNode property : vcard.get(1)) {
            if (property.isArray()
                    && property.size() >= 4
                    && "fn".equalsIgnoreCase(property.get(0).asText())
                    && property.get(3).isTextual()
                    && !property.get(3).asText().isBlank()) {
                return property.get(3).asText().strip();
            }
        }
        return null;
    }

    private static Instant date(Event event) {
        if (event.eventDate() == null) {
            throw new IllegalArgumentException("the event " + event.eventAction() + " has no eventDate");
        }
        try {
            return OffsetDateTime.parse(event.eventDate().strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "the event " + event.eventAction() + " has eventDate " + event.eventDate() + ", not RFC 3339");
        }
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}

package io.infrasystem.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/**
 * The shipped Kafka ACL definition, {@code deploy/kafka/acls.conf}: one line per ACL,
 * {@code <user> <operation> <resource type> <pattern type> <name>}, {@code #} comments.
 *
 * @param entries the ACLs in file order
 */
record KafkaAcls(List<Entry> entries) {

    static final Path FILE = ServiceConfiguration.ROOT.resolve("deploy/kafka/acls.conf");

    /**
     * One ACL: {@code user} may do {@code operation} on the {@code resourceType} resource(s)
     * {@code name} matches under {@code patternType}.
     */
    record Entry(String user, String operation, String resourceType, String patternType, String name) {

        /** @return the ALLOW binding for principal {@code User:<user>} from any host */
        AclBinding binding() {
            return new AclBinding(
                    new ResourcePattern(
                            ResourceType.fromString(resourceType.toUpperCase(Locale.ROOT)),
                            name,
                            PatternType.fromString(patternType.toUpperCase(Locale.ROOT))),
                    new AccessControlEntry(
                            "User:" + user,
                            "*",
                            AclOperation.fromString(operation.toUpperCase(Locale.ROOT)),
                            AclPermissionType.ALLOW));
        }
    }

    /**
     * Reads the shipped file.
     *
     * @return its ACLs
     * @throws IOException when it cannot be read
     * @throws IllegalArgumentException naming the line when a line has not five fields or names an
     *     unknown operation, resource type or pattern type
     */
    static KafkaAcls shipped() throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(FILE);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] f = line.split("\\s+");
            if (f.length != 5
                    || !Set.of("WRITE", "READ").contains(f[1])
                    || !Set.of("topic", "group").contains(f[2])
                    || !Set.of("literal", "prefixed").contains(f[3])) {
                throw new IllegalArgumentException(FILE + " line " + (i + 1) + ": " + lines.get(i));
            }
            entries.add(new Entry(f[0], f[1], f[2], f[3], f[4]));
        }
        return new KafkaAcls(List.copyOf(entries));
    }

    /** @return the SCRAM users the file names */
    Set<String> users() {
        Set<String> users = new TreeSet<>();
        entries.forEach(e -> users.add(e.user()));
        return users;
    }

    /** @return the literal topics the file names (the setup creates them) */
    Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        entries.stream()
                .filter(e -> e.resourceType().equals("topic") && e.patternType().equals("literal"))
                .forEach(e -> topics.add(e.name()));
        return topics;
    }

    /** @return every ACL as an ALLOW binding */
    List<AclBinding> bindings() {
        return entries.stream().map(Entry::binding).toList();
    }
}

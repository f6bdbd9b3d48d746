package io.infrasystem.realtime.project;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.infrasystem.realtime.config.RealtimeConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * At start-up, reads project-service's topic ({@code infra.realtime.projects.topic}) from its
 * beginning to the end it has then, on a thread of its own, and hands every assignment event to
 * {@link ProjectMembers}; the live consumer keeps it current afterwards. Until the load is done a
 * member may miss a project event (never the other way round: unknown means not a member).
 */
@ApplicationScoped
public class ProjectMembersLoader {

    private static final Logger LOG = Logger.getLogger(ProjectMembersLoader.class);

    private final ProjectMembers members;
    private final ObjectMapper mapper;
    private final RealtimeConfig config;
    private final Map<String, Object> kafkaConfig;
    private volatile boolean loaded;

    public ProjectMembersLoader(
            ProjectMembers members,
            ObjectMapper mapper,
            RealtimeConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig) {
        this.members = members;
        this.mapper = mapper;
        this.config = config;
        this.kafkaConfig = kafkaConfig;
    }

    void start(@Observes StartupEvent started) {
        Thread.ofPlatform().name("realtime-project-members").daemon().start(this::load);
    }

    /** @return whether the start-up load has read the topic to its end */
    public boolean loaded() {
        return loaded;
    }

    private void load() {
        try {
            long applied = readInto(members);
            loaded = true;
            LOG.infof(
                    "project members loaded from %d event(s) of %s",
                    applied, config.projects().topic());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not load project members from %s (members learn from live events only): %s",
                    config.projects().topic(), e);
        }
    }

    /**
     * Reads the topic from its beginning to the end it has now.
     *
     * @param target where the assignment events go
     * @return how many events were read
     * @throws RuntimeException when the broker cannot be read
     */
    public long readInto(ProjectMembers target) {
        Map<String, Object> props = new HashMap<>(kafkaConfig);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, config.consumer().groupPrefix() + "members-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "realtime-members-" + UUID.randomUUID());
        String topic = config.projects().topic();
        try (KafkaConsumer<String, byte[]> kafka =
                new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = kafka.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            kafka.assign(partitions);
            kafka.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = kafka.endOffsets(partitions);
            long applied = 0;
            while (partitions.stream().anyMatch(p -> kafka.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> record : kafka.poll(Duration.ofMillis(500))) {
                    try {
                        CloudEvent event =
                                KafkaMessageFactory.createReader(record).toEvent();
                        if (event.getData() != null) {
                            target.observe(
                                    event.getType(),
                                    event.getSubject(),
                                    mapper.readTree(event.getData().toBytes()));
                            applied++;
                        }
                    } catch (IOException | RuntimeException e) {
                        LOG.debugf("skipped a record of %s at offset %d: %s", topic, record.offset(), e.getMessage());
                    }
                }
            }
            return applied;
        }
    }
}

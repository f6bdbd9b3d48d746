package io.infrasystem.realtime.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import io.cloudevents.kafka.KafkaMessageFactory;
import io.infrasystem.realtime.fanout.EventHub;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Reads a Kafka record as a CloudEvent (CloudEvents 1.0 Kafka protocol binding, binary mode with
 * {@code ce_*} headers as the outbox relay writes them, or structured mode) through the CloudEvents
 * Java SDK and hands it to the hub.
 */
final class CloudEventRecords {

    private final ObjectMapper mapper;
    private final EventHub hub;

    CloudEventRecords(ObjectMapper mapper, EventHub hub) {
        this.mapper = mapper;
        this.hub = hub;
    }

    /**
     * @param record a record of an events topic
     * @throws RuntimeException (from the SDK) when the record is not a CloudEvent
     */
    void publish(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = KafkaMessageFactory.createReader(record).toEvent();
        hub.publish(
                event.getId(),
                event.getType(),
                event.getSource() == null ? null : event.getSource().toString(),
                event.getSubject(),
                event.getTime(),
                data(event));
    }

    private JsonNode data(CloudEvent event) {
        CloudEventData data = event.getData();
        if (data == null) {
            return NullNode.getInstance();
        }
        byte[] bytes = data.toBytes();
        String contentType = event.getDataContentType();
        if (contentType == null || contentType.contains("json")) {
            try {
                return mapper.readTree(bytes);
            } catch (IOException e) {
                // not JSON after all: pass it on as text below
            }
        }
        return TextNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
    }
}

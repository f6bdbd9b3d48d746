package io.infrasystem.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.persistence.UtcTimes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;

/**
 * Adds events to the outbox table inside the caller's transaction, so that an event exists if and
 * only if the change it describes was committed. The relay publishes it afterwards; the commit
 * wakes the relay so that latency stays low without tight polling.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            insert into outbox_event (event_id, topic, event_type, source, subject, message_key, payload,
                                      occurred_at, attempts, created_at, updated_at)
            values (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)""";

    private final DataSource dataSource;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final String source;

    @Inject
    public Outbox(
            DataSource dataSource,
            ObjectMapper mapper,
            TransactionSynchronizationRegistry transactions,
            OutboxRelay relay,
            EventsConfig events) {
        this.dataSource = dataSource;
        this.mapper = mapper;
        this.transactions = transactions;
        this.relay = relay;
        this.source = events.source();
    }

    /**
     * Stores one event in the current transaction.
     *
     * @param message the event; {@code data} must serialize to JSON
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     * @throws IllegalStateException when the data cannot be serialized or the insert fails (the
     *     transaction is then rolled back by the caller's interceptor)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(OutboxMessage message) {
        addAll(List.of(message));
    }

    /**
     * Stores several events in the current transaction with one JDBC batch (bulk paths such as a
     * sync of thousands of VMs); they are published in list order.
     *
     * @param messages the events; each {@code data} must serialize to JSON
     * @throws jakarta.transaction.TransactionalException when called outside a transaction
     * @throws IllegalStateException when data cannot be serialized or the insert fails
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void addAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        LocalDateTime now = UtcTimes.toColumn(Instant.now());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (OutboxMessage message : messages) {
                insert.setString(1, message.eventId());
                insert.setString(2, message.topic());
                insert.setString(3, message.type());
                insert.setString(4, source);
                insert.setString(5, message.subject());
                insert.setString(6, message.key());
                insert.setString(7, mapper.writeValueAsString(message.data()));
                insert.setObject(8, UtcTimes.toColumn(message.time()));
                insert.setObject(9, now);
                insert.setObject(10, now);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("Could not add " + messages.size() + " event(s) to the outbox", e);
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wakeUp();
                }
            }
        });
    }
}

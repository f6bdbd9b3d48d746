package io.infrasystem.mail.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON bodies posted to channels. Slack kind: {@code {"text": "*subject*\n\ntext"}} (Slack
 * incoming-webhook format, mrkdwn). Webhook kind: {@code {"type": "notification", "id", "message_id",
 * "subject", "text", "html", "to", "sender", "created_at"}}.
 */
@ApplicationScoped
public class ChannelPayloads {

    private final ObjectMapper json;

    public ChannelPayloads(ObjectMapper json) {
        this.json = json;
    }

    /** What a channel is told about a message. */
    public record Notice(
            Long id,
            String messageId,
            String subject,
            String text,
            String html,
            List<String> to,
            String sender,
            Instant createdAt) {}

    /**
     * @param kind slack or webhook
     * @param notice the message
     * @return the body to post
     */
    public String body(ChannelKind kind, Notice notice) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (kind == ChannelKind.SLACK) {
            body.put("text", "*" + notice.subject() + "*" + (notice.text() == null ? "" : "\n\n" + notice.text()));
        } else {
            body.put("type", "notification");
            body.put("id", notice.id());
            body.put("message_id", notice.messageId());
            body.put("subject", notice.subject());
            body.put("text", notice.text());
            body.put("html", notice.html());
            body.put("to", notice.to());
            body.put("sender", notice.sender());
            body.put(
                    "created_at",
                    notice.createdAt() == null ? null : notice.createdAt().toString());
        }
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}

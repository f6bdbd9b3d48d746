package io.infrasystem.mail.message;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.channel.NotificationChannel;
import io.infrasystem.mail.config.MailConfig;
import io.infrasystem.mail.smtp.Address;
import io.infrasystem.mail.template.MailTemplate;
import io.infrasystem.mail.template.TemplateRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks a {@link SendRequest} completely before anything is stored: RFC 5322 addresses (strict
 * Jakarta Mail parsing), no CR/LF or other control characters in anything that becomes a header
 * (subject, file names, content types: header injection), a body, a known template that renders
 * with the given variables, sizes and the recipient count. Every problem found is reported at
 * once as a 400 whose {@code errors} name the fields ({@code to[2]}, {@code attachments[0].content}).
 */
@ApplicationScoped
public class MessageValidator {

    private static final Pattern CONTENT_TYPE =
            Pattern.compile("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x1f\\x7f]");

    private final MailConfig.Limits limits;
    private final TemplateRenderer renderer;
    private final ObjectMapper json;

    public MessageValidator(MailConfig config, TemplateRenderer renderer, ObjectMapper json) {
        this.limits = config.limits();
        this.renderer = renderer;
        this.json = json;
    }

    /**
     * @param request the caller's request
     * @return the message to store
     * @throws ProblemException 400 listing every invalid field
     */
    public ValidatedMessage validate(SendRequest request) {
        if (request == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        List<Address> to = addresses("to", request.to(), errors);
        List<Address> cc = addresses("cc", request.cc(), errors);
        List<Address> bcc = addresses("bcc", request.bcc(), errors);
        int count = to.size() + cc.size() + bcc.size();
        if (isEmpty(request.to()) && isEmpty(request.cc()) && isEmpty(request.bcc())) {
            errors.add(new FieldError("to", "at least one recipient (to, cc or bcc) is required"));
        } else if (count > limits.maxRecipients()) {
            errors.add(new FieldError(
                    "to",
                    "too many recipients: " + count + " (to, cc and bcc together; at most " + limits.maxRecipients()
                            + ")"));
        }
        Address replyTo = null;
        if (request.replyTo() != null) {
            try {
                replyTo = Address.parse(request.replyTo());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("reply_to", e.getMessage()));
            }
        }
        Content content = content(request, errors);
        List<ValidatedMessage.Attachment> attachments = attachments(request.attachments(), errors);
        String channel = channel(request.channel(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ValidatedMessage(
                to,
                cc,
                bcc,
                replyTo,
                content.subject,
                content.text,
                content.html,
                content.templateName,
                content.templateVersion,
                content.variablesJson,
                attachments,
                channel);
    }

    private record Content(
            String subject,
            String text,
            String html,
            String templateName,
            Integer templateVersion,
            String variablesJson) {}

    private Content content(SendRequest request, List<FieldError> errors) {
        String subject = request.subject();
        String text = request.text();
        String html = request.html();
        String templateName = null;
        Integer templateVersion = null;
        String variablesJson = null;
        if (request.template() != null) {
            if (subject != null || text != null || html != null) {
                errors.add(new FieldError("template", "give either a template or subject/text/html, not both"));
                return new Content(null, null, null, null, null, null);
            }
            Optional<MailTemplate> template = MailTemplate.byName(request.template());
            if (template.isEmpty()) {
                errors.add(new FieldError("template", "unknown template '" + request.template() + "'"));
                return new Content(null, null, null, null, null, null);
            }
            MailTemplate t = template.get();
            try {
                TemplateRenderer.Rendered rendered =
                        renderer.render(t.subject, t.textBody, t.htmlBody, request.variables());
                subject = rendered.subject() == null ? null : rendered.subject().strip();
                text = rendered.text();
                html = rendered.html();
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("variables", "template '" + t.name + "' does not render: " + e.getMessage()));
                return new Content(null, null, null, null, null, null);
            }
            templateName = t.name;
            templateVersion = (int) t.version;
            try {
                variablesJson = request.variables() == null ? null : json.writeValueAsString(request.variables());
            } catch (JsonProcessingException e) {
                errors.add(new FieldError("variables", "must be a JSON object"));
            }
        } else if (request.variables() != null) {
            errors.add(new FieldError("variables", "only allowed with a template"));
        }
        String subjectField = templateName == null ? "subject" : "variables";
        if (subject == null || subject.isBlank()) {
            errors.add(new FieldError(
                    subjectField, templateName == null ? "must not be empty" : "the rendered subject is empty"));
        } else if (CONTROL.matcher(subject).find()) {
            errors.add(new FieldError(
                    subjectField,
                    "must be one line: CR, LF and control characters are not allowed"
                            + (templateName == null ? "" : " (in the rendered subject)")));
        } else if (subject.length() > limits.maxSubjectLength()) {
            errors.add(new FieldError(subjectField, "must be at most " + limits.maxSubjectLength() + " characters"));
        }
        boolean noText = text == null || text.isBlank();
        boolean noHtml = html == null || html.isBlank();
        if (noText && noHtml) {
            errors.add(new FieldError(
                    templateName == null ? "text" : "template", "the message needs a text or an HTML body"));
        }
        checkBodySize("text", text, errors);
        checkBodySize("html", html, errors);
        return new Content(
                subject, noText ? null : text, noHtml ? null : html, templateName, templateVersion, variablesJson);
    }

    private void checkBodySize(String field, String body, List<FieldError> errors) {
        if (body != null && body.getBytes(StandardCharsets.UTF_8).length > limits.maxBodyBytes()) {
            errors.add(new FieldError(field, "must be at most " + limits.maxBodyBytes() + " bytes (UTF-8)"));
        }
    }

    private List<ValidatedMessage.Attachment> attachments(
            List<SendRequest.AttachmentInput> inputs, List<FieldError> errors) {
        List<ValidatedMessage.Attachment> result = new ArrayList<>();
        if (inputs == null) {
            return result;
        }
        if (inputs.size() > limits.maxAttachments()) {
            errors.add(new FieldError("attachments", "at most " + limits.maxAttachments() + " attachments"));
            return result;
        }
        long total = 0;
        for (int i = 0; i < inputs.size(); i++) {
            String field = "attachments[" + i + "]";
            SendRequest.AttachmentInput input = inputs.get(i);
            if (input == null) {
                errors.add(new FieldError(field, "must be an object"));
                continue;
            }
            String name = input.fileName();
            if (name == null || name.isBlank()) {
                errors.add(new FieldError(field + ".file_name", "must not be empty"));
            } else if (CONTROL.matcher(name).find()
                    || name.contains("\"")
                    || name.contains("/")
                    || name.contains("\\")) {
                errors.add(new FieldError(
                        field + ".file_name", "must not contain control characters, quotes or path separators"));
            } else if (name.length() > 255) {
                errors.add(new FieldError(field + ".file_name", "must be at most 255 characters"));
            }
            String type = input.contentType() == null
                    ? "application/octet-stream"
                    : input.contentType().strip();
            if (!CONTENT_TYPE.matcher(type).matches()) {
                errors.add(new FieldError(field + ".content_type", "must be a MIME type such as application/pdf"));
            }
            byte[] bytes = null;
            if (input.content() == null) {
                errors.add(new FieldError(field + ".content", "must not be empty"));
            } else {
                try {
                    bytes = Base64.getDecoder()
                            .decode(WHITESPACE.matcher(input.content()).replaceAll(""));
                } catch (IllegalArgumentException e) {
                    errors.add(new FieldError(field + ".content", "must be base64 (RFC 4648)"));
                    bytes = null;
                }
            }
            if (bytes != null) {
                total += bytes.length;
                result.add(new ValidatedMessage.Attachment(name, type, bytes));
            }
        }
        if (total > limits.maxAttachmentBytes()) {
            errors.add(new FieldError(
                    "attachments",
                    "total size " + total + " bytes exceeds the limit of " + limits.maxAttachmentBytes() + " bytes"));
        }
        return result;
    }

    private String channel(String name, List<FieldError> errors) {
        if (name == null) {
            return null;
        }
        if (NotificationChannel.byName(name).isEmpty()) {
            errors.add(new FieldError("channel", "unknown channel '" + name + "'"));
        }
        return name;
    }

    private static List<Address> addresses(String field, List<String> raw, List<FieldError> errors) {
        List<Address> result = new ArrayList<>();
        if (raw == null) {
            return result;
        }
        for (int i = 0; i < raw.size(); i++) {
            try {
                result.add(Address.parse(raw.get(i)));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field + "[" + i + "]", e.getMessage()));
            }
        }
        return result;
    }

    private static boolean isEmpty(List<String> list) {
        return list == null || list.isEmpty();
    }
}

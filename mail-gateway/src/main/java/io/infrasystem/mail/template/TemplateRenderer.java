package io.infrasystem.mail.template;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import io.quarkus.qute.Variant;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Renders stored templates with Qute (strict rendering: a variable the data lacks is an error).
 * The HTML part is parsed as {@code text/html}, so that values are HTML-escaped; subject and text
 * are not escaped.
 */
@ApplicationScoped
public class TemplateRenderer {

    private final Engine engine;

    public TemplateRenderer(Engine engine) {
        this.engine = engine;
    }

    /**
     * The result of a rendering.
     *
     * @param subject rendered subject
     * @param text rendered text body, or {@code null} when the template has none
     * @param html rendered HTML body, or {@code null}
     */
    public record Rendered(String subject, String text, String html) {}

    /**
     * @param subject subject source
     * @param text text source or {@code null}
     * @param html HTML source or {@code null}
     * @param data the variables
     * @return the rendered parts
     * @throws IllegalArgumentException naming the part and Qute's message when a source does not
     *     parse or the data lacks a value
     */
    public Rendered render(String subject, String text, String html, Map<String, Object> data) {
        return new Rendered(
                part("subject", subject, null, data),
                part("text", text, null, data),
                part("html", html, Variant.TEXT_HTML, data));
    }

    /**
     * @param name part name for messages
     * @param source the template source
     * @param contentType {@code text/html} to escape values, or {@code null}
     * @throws IllegalArgumentException when the source is not a valid Qute template
     */
    public void check(String name, String source, String contentType) {
        if (source != null) {
            parse(name, source, contentType);
        }
    }

    private String part(String name, String source, String contentType, Map<String, Object> data) {
        if (source == null) {
            return null;
        }
        Template template = parse(name, source, contentType);
        try {
            return template.data(data == null ? Map.of() : data).render();
        } catch (TemplateException e) {
            throw new IllegalArgumentException(name + ": " + e.getMessage());
        }
    }

    private Template parse(String name, String source, String contentType) {
        try {
            return contentType == null
                    ? engine.parse(source)
                    : engine.parse(source, Variant.forContentType(contentType));
        } catch (TemplateException e) {
            throw new IllegalArgumentException(name + " is not a valid Qute template: " + e.getMessage());
        }
    }
}

package io.infrasystem.mail.template;

import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.crud.CrudKind;
import io.infrasystem.commons.crud.EntityCrudService;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.http.MergePatch;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.named.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Qute email templates on the commons CRUD kernel: list, read, create, replace and delete (each
 * change with its audit entry and {@code mail.template.*} event in the same transaction; the
 * version grows by one with every change), and preview with variables.
 */
@ApplicationScoped
public class TemplateService extends EntityCrudService<MailTemplate, TemplateViews.View, TemplateViews.Input> {

    static final CrudKind<MailTemplate, TemplateViews.View, TemplateViews.Input> KIND = CrudKind.of(
                    "template", MailTemplate.class, TemplateViews.Input.class)
            .listedBy(CrudKind.filters("t", "name")
                    .fields(FilterField::text, "name")
                    .search("t.name", "t.description", "t.subject"))
            .entity(MailTemplate::new, TemplateViews::of, TemplateViews::input);
    private final TemplateRenderer renderer;

    public TemplateService(ChangeRecorder changes, MergePatch mergePatch, TemplateRenderer renderer) {
        super(changes, mergePatch, KIND);
        this.renderer = renderer;
    }

    /**
     * Renders the stored template with the given variables without sending anything.
     *
     * @param variables the data to render with, or {@code null}
     * @return the rendered subject, text and HTML
     * @throws ProblemException 404 when unknown, 400 on {@code variables} when a value the template uses is missing
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateViews.Preview preview(long id, Map<String, Object> variables) {
        MailTemplate t = require(id);
        try {
            TemplateRenderer.Rendered rendered = renderer.render(t.subject, t.textBody, t.htmlBody, variables);
            return new TemplateViews.Preview(rendered.subject(), rendered.text(), rendered.html());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("variables", e.getMessage());
        }
    }

    /**
     * Checks the input (400 naming every invalid field, a source that is not valid Qute included;
     * 409 for a name another template has) and sets the template from it.
     */
    @Override
    protected void apply(MailTemplate t, TemplateViews.Input input) {
        MailTemplate.byName(input.name())
                .filter(other -> !other.id.equals(t.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("a template named '" + input.name() + "' exists already");
                });
        t.name = input.name();
        t.description = input.description();
        t.subject = input.subject();
        t.textBody = blankToNull(input.text());
        t.htmlBody = blankToNull(input.html());
        t.updatedAt = Instant.now(); // a replacement is a change even when no value differs: the version grows
    }

    @Override
    protected void validate(TemplateViews.Input input) {
        if (input == null) {
            throw ProblemException.invalid("body", "a JSON object is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (!Names.valid(input.name())) {
            errors.add(new FieldError("name", Names.RULE));
        }
        if (input.description() != null && input.description().length() > 1000) {
            errors.add(new FieldError("description", "must be at most 1000 characters"));
        }
        if (input.subject() == null || input.subject().isBlank()) {
            errors.add(new FieldError("subject", "must not be empty"));
        } else if (input.subject().chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            errors.add(new FieldError("subject", "must be one line: CR, LF and control characters are not allowed"));
        } else if (input.subject().length() > 998) {
            errors.add(new FieldError("subject", "must be at most 998 characters"));
        }
        if (blankToNull(input.text()) == null && blankToNull(input.html()) == null) {
            errors.add(new FieldError("text", "a template needs a text or an HTML body"));
        }
        check("subject", input.subject(), null, errors);
        check("text", input.text(), null, errors);
        check("html", input.html(), "text/html", errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private void check(String field, String source, String contentType, List<FieldError> errors) {
        try {
            renderer.check(field, source, contentType);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, e.getMessage()));
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}

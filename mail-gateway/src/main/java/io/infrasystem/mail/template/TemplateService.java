package io.infrasystem.mail.template;

import io.infrasystem.commons.audit.Change;
import io.infrasystem.commons.audit.ChangeRecorder;
import io.infrasystem.commons.filter.FilterField;
import io.infrasystem.commons.filter.FilterSpec;
import io.infrasystem.commons.http.Versions;
import io.infrasystem.commons.paging.Page;
import io.infrasystem.commons.problem.Problem.FieldError;
import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.mail.listing.EntityLists;
import io.infrasystem.mail.listing.Names;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Qute email templates: list, read, create, replace and delete (each change with its audit entry
 * and {@code mail.template.*} event in the same transaction), and preview with variables.
 */
@ApplicationScoped
public class TemplateService {

    private static final String RESOURCE = "template";
    private static final FilterSpec FILTERS = FilterSpec.builder("t.id")
            .field(FilterField.integer("id", "t.id"))
            .field(FilterField.text("name", "t.name"))
            .field(FilterField.timestamp("updated_at", "t.updatedAt"))
            .search("t.name", "t.description", "t.subject")
            .defaultOrdering("name")
            .build();

    private final TemplateRenderer renderer;
    private final ChangeRecorder changes;

    public TemplateService(TemplateRenderer renderer, ChangeRecorder changes) {
        this.renderer = renderer;
        this.changes = changes;
    }

    /**
     * @param uri the request: filters {@code id}, {@code name}, {@code updated_at}, {@code q},
     *     {@code ordering}, {@code limit}/{@code offset}
     * @return a page of templates
     * @throws ProblemException 400 for bad filters or paging parameters
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<TemplateViews.View> list(UriInfo uri) {
        return EntityLists.page(MailTemplate.class, "t", FILTERS, uri, TemplateViews::of);
    }

    /**
     * @return the template (its {@code version} is the ETag)
     * @throws ProblemException 404 when unknown
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public TemplateViews.View get(long id) {
        return TemplateViews.of(find(id));
    }

    /**
     * @return the stored template
     * @throws ProblemException 400 naming invalid fields (a source that is not valid Qute), 409 for a taken name
     */
    @Transactional
    public TemplateViews.View create(TemplateViews.Input input) {
        validate(input);
        if (MailTemplate.byName(input.name()).isPresent()) {
            throw ProblemException.conflict("a template named '" + input.name() + "' exists already");
        }
        MailTemplate t = new MailTemplate();
        apply(t, input);
        t.createdAt = t.updatedAt;
        t.persistAndFlush();
        changes.record(Change.created(RESOURCE, t.id, TemplateViews.of(t)));
        return TemplateViews.of(t);
    }

    /**
     * Replaces a template; its version grows by one.
     *
     * @param ifMatch the ETag the caller read, or {@code null}
     * @return the stored template
     * @throws ProblemException 400, 404, 409 (name taken), 412 (stale If-Match)
     */
    @Transactional
    public TemplateViews.View replace(long id, String ifMatch, TemplateViews.Input input) {
        validate(input);
        MailTemplate t = find(id);
        Versions.checkIfMatch(ifMatch, t.version);
        MailTemplate.byName(input.name())
                .filter(other -> !other.id.equals(t.id))
                .ifPresent(other -> {
                    throw ProblemException.conflict("a template named '" + input.name() + "' exists already");
                });
        TemplateViews.View before = TemplateViews.of(t);
        apply(t, input);
        t.flush();
        changes.record(Change.updated(RESOURCE, id, before, TemplateViews.of(t)));
        return TemplateViews.of(t);
    }

    /**
     * Deletes a template (messages keep the content rendered from it).
     *
     * @param ifMatch the ETag the caller read, or {@code null}
     * @throws ProblemException 404, 412
     */
    @Transactional
    public void delete(long id, String ifMatch) {
        MailTemplate t = find(id);
        Versions.checkIfMatch(ifMatch, t.version);
        TemplateViews.View before = TemplateViews.of(t);
        t.delete();
        MailTemplate.flush();
        changes.record(Change.deleted(RESOURCE, id, before));
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
        MailTemplate t = find(id);
        try {
            TemplateRenderer.Rendered rendered = renderer.render(t.subject, t.textBody, t.htmlBody, variables);
            return new TemplateViews.Preview(rendered.subject(), rendered.text(), rendered.html());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("variables", e.getMessage());
        }
    }

    private static MailTemplate find(long id) {
        return MailTemplate.<MailTemplate>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound(RESOURCE, id));
    }

    private static void apply(MailTemplate t, TemplateViews.Input input) {
        t.name = input.name();
        t.description = input.description();
        t.subject = input.subject();
        t.textBody = blankToNull(input.text());
        t.htmlBody = blankToNull(input.html());
        t.updatedAt = Instant.now();
    }

    private void validate(TemplateViews.Input input) {
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

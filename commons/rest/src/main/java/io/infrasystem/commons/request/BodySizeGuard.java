package io.infrasystem.commons.request;

import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.problem.VertxProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds
 * {@code quarkus.http.limits.max-body-size} with a 413 problem, before any of the body is read.
 * (Quarkus itself would answer such a request with an empty 413; bodies sent without a length are
 * still cut off by Quarkus at the same limit.)
 */
@ApplicationScoped
public class BodySizeGuard {

    private final Optional<MemorySize> maxBodySize;
    private final VertxProblems problems;

    public BodySizeGuard(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            VertxProblems problems) {
        this.maxBodySize = maxBodySize;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        if (maxBodySize.isEmpty()) {
            return;
        }
        long limit = maxBodySize.get().asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit));
    }

    private void check(RoutingContext context, long limit) {
        String declared = context.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length <= limit) {
            context.next();
            return;
        }
        context.response().putHeader("Connection", "close");
        problems.send(
                context.request(),
                ProblemKind.PAYLOAD_TOO_LARGE,
                "The body is " + length + " bytes; this service accepts at most " + limit + " bytes",
                List.of());
    }
}

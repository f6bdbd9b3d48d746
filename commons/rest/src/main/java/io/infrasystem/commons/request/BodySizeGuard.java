package io.infrasystem.commons.request;

import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.problem.VertxProblems;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses a request whose declared {@code Content-Length} exceeds its cap with a 413 problem, before
 * any of the body is read. The cap is {@code quarkus.http.limits.max-body-size}, unless the
 * application provides a {@link BodyLimit} bean, which decides per request. (Quarkus itself would
 * answer such a request with an empty 413; bodies sent without a length are still cut off by Quarkus
 * at {@code max-body-size}.)
 */
@ApplicationScoped
public class BodySizeGuard {

    private final Optional<MemorySize> maxBodySize;
    private final Instance<BodyLimit> limits;
    private final VertxProblems problems;

    public BodySizeGuard(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            Instance<BodyLimit> limits,
            VertxProblems problems) {
        this.maxBodySize = maxBodySize;
        this.limits = limits;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        BodyLimit limit;
        if (limits.isResolvable()) {
            limit = limits.get();
        } else if (maxBodySize.isPresent()) {
            OptionalLong uniform = OptionalLong.of(maxBodySize.get().asLongValue());
            limit = request -> uniform;
        } else {
            return;
        }
        router.route().order(Integer.MIN_VALUE).handler(context -> check(context, limit));
    }

    private void check(RoutingContext context, BodyLimit limit) {
        String declared = context.request().getHeader("Content-Length");
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            length = -1;
        }
        OptionalLong cap = length < 0 ? OptionalLong.empty() : limit.capFor(context.request());
        if (cap.isEmpty() || length <= cap.getAsLong()) {
            context.next();
            return;
        }
        context.response().putHeader("Connection", "close");
        problems.send(
                context.request(),
                ProblemKind.PAYLOAD_TOO_LARGE,
                "The body is " + length + " bytes; this service accepts at most " + cap.getAsLong() + " bytes",
                List.of());
    }
}

package io.infrasystem.commons.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.infrasystem.commons.problem.Problem;
import io.infrasystem.commons.problem.ProblemKind;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
    private final ObjectMapper mapper;

    public BodySizeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> maxBodySize,
            ObjectMapper mapper) {
        this.maxBodySize = maxBodySize;
        this.mapper = mapper;
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
        String requestId = RequestIds.acceptOrGenerate(context.request().getHeader(RequestIds.HEADER));
        ProblemKind kind = ProblemKind.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(kind.type(), kind.title(), kind.status().getStatusCode(),
                "The body is " + length + " bytes; this service accepts at most " + limit + " bytes",
                context.request().path(), requestId, null);
        try {
            context.response().setStatusCode(kind.status().getStatusCode())
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader(RequestIds.HEADER, requestId)
                    .putHeader("Connection", "close")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }
}

package io.infrasystem.inventory.csv;

import io.infrasystem.commons.problem.Problem;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.request.RequestIds;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Answers a refused CSV import with a 400 {@code application/problem+json} listing line, column and message. */
public class CsvImportExceptionMapper {

    @ServerExceptionMapper
    public Response map(CsvImportException e, UriInfo uri) {
        String requestId = RequestIds.current();
        ImportProblem body = new ImportProblem(
                ProblemKind.VALIDATION.type(),
                ProblemKind.VALIDATION.title(),
                400,
                e.getMessage(),
                "/" + uri.getPath().replaceFirst("^/", ""),
                requestId,
                e.errors());
        Response.ResponseBuilder response =
                Response.status(400).type(Problem.MEDIA_TYPE).entity(body);
        if (requestId != null) {
            response.header(RequestIds.HEADER, requestId);
        }
        return response.build();
    }
}

package io.infrasystem.cert.upload;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * {@code POST /api/cert/certificates/upload} ({@code cert:write}): adds the certificates of a
 * file or a pasted chain, as a multipart form (part {@code file}) or as the request body (PEM
 * text as {@code text/plain} or {@code application/x-pem-file}; DER as
 * {@code application/pkix-cert}; PKCS#7 as {@code application/pkcs7-mime} or
 * {@code application/x-pkcs7-certificates}; any of them as {@code application/octet-stream}).
 * 201 when a certificate was new, 200 when all were known or ignored; 400 problem+json (field
 * {@code file}) for garbage, a cut-short PEM, a private key or no certificate, with nothing kept.
 */
@Path("/api/cert/certificates/upload")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class CertificateUploadResource {

    private final CertificateUploadService uploads;

    public CertificateUploadResource(CertificateUploadService uploads) {
        this.uploads = uploads;
    }

    /** @return the outcome of each certificate; 201 when one was new */
    @POST
    @Consumes({
        MediaType.TEXT_PLAIN,
        "application/x-pem-file",
        "application/pkix-cert",
        "application/pkcs7-mime",
        "application/x-pkcs7-certificates",
        MediaType.APPLICATION_OCTET_STREAM
    })
    @RolesAllowed(Scopes.CERT_WRITE)
    public Response body(byte[] body) {
        return answer(uploads.upload(body));
    }

    /** @return as {@link #body}, from the form's {@code file} part (400 when it is missing) */
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Scopes.CERT_WRITE)
    public Response form(@RestForm("file") FileUpload file) {
        if (file == null) {
            throw ProblemException.invalid("file", "is required (a multipart part named file)");
        }
        try {
            return answer(uploads.upload(Files.readAllBytes(file.uploadedFile())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response answer(UploadResult result) {
        return Response.status(result.created() > 0 ? Response.Status.CREATED : Response.Status.OK)
                .entity(result)
                .build();
    }
}

package io.infrasystem.cert.upload;

import java.util.List;

/**
 * The answer to an upload.
 *
 * @param created how many certificates were new
 * @param existing how many were known already
 * @param ignored how many matched an ignored-certificate pattern
 * @param certificates each certificate of the upload in the order given (leaf first for a chain)
 */
public record UploadResult(int created, int existing, int ignored, List<UploadedCertificate> certificates) {}

package io.infrasystem.cert.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a caller sends to create a domain or change its notes.
 *
 * @param name a valid domain name (IDNs in Unicode or punycode; stored lower-case punycode);
 *     fixed once created; its missing parents are created with it
 * @param notes at most 4000 characters
 */
public record DomainInput(
        @NotBlank @Size(max = 253) String name,
        @Size(max = 4000) String notes) {}

package io.infrasystem.vm.trigger;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an admin sends to create or change a system API entry.
 *
 * @param name unique, 1–100 characters
 * @param url an {@code http} or {@code https} URL, at most 500 characters
 * @param method {@code POST} or {@code GET}
 * @param resourceType {@code nutanix} or {@code vmware}
 * @param source the vCenter / Prism Central name its runs are for (optional, defaults to the name)
 * @param isActive whether triggers call it
 * @param authHeaderName the header the trigger sends for n8n's Header Auth (optional): an RFC 7230
 *     token of at most 100 characters, e.g. {@code X-Infra-Webhook-Token}; given together with
 *     {@code authHeaderValue} or not at all
 * @param authHeaderValue the secret n8n compares (write-only): 1–500 printable ASCII characters,
 *     no leading or trailing space
 */
public record SystemApiInput(
        @NotBlank @Size(max = 100) String name,

        @NotBlank @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http or https URL")
        String url,

        @NotNull @Pattern(regexp = "POST|GET", message = "must be POST or GET")
        String method,

        @NotNull @Pattern(regexp = "nutanix|vmware", message = "must be nutanix or vmware")
        String resourceType,

        @Size(max = 255) String source,
        @NotNull Boolean isActive,

        @Size(max = 100)
        @Pattern(regexp = "[!#$%&'*+.^_`|~0-9A-Za-z-]+", message = "must be an HTTP header name (RFC 7230 token)")
        String authHeaderName,

        @Size(max = 500)
        @Pattern(
                regexp = "[\\x21-\\x7E]([\\x20-\\x7E]*[\\x21-\\x7E])?",
                message = "must be printable ASCII without leading or trailing space")
        String authHeaderValue) {

    /** @return the fields without the secret, which must not reach logs */
    @Override
    public String toString() {
        return "SystemApiInput[name=" + name + ", url=" + url + ", method=" + method + ", resourceType=" + resourceType
                + ", source=" + source + ", isActive=" + isActive + ", authHeaderName=" + authHeaderName
                + ", authHeaderValue=" + (authHeaderValue == null ? null : "***") + "]";
    }
}

package io.infrasystem.project.instance;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What an administrator sends to create or change an Odoo instance.
 *
 * @param projectId the project (400 when it does not exist)
 * @param name 1–200 characters, unique within the project (case-insensitive)
 * @param type required: {@code production}, {@code staging} or {@code development} (any case)
 * @param status {@code active} when absent
 * @param url optional {@code http://} or {@code https://} URL, at most 500 characters
 * @param odooVersion optional series such as {@code 17.0} or {@code saas-17.2}, at most 20 characters
 * @param odooEdition optional {@code community} or {@code enterprise}
 * @param databaseName optional, at most 100 characters
 * @param host optional free text, at most 255 characters
 * @param hostRef optional {@code inventory:asset:<id>} or {@code vm:vm:<id>}
 * @param notes at most 4000 characters
 */
public record InstanceInput(
        @NotNull Long projectId,
        @NotBlank @Size(max = 200) String name,
        @NotNull InstanceType type,
        InstanceStatus status,

        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http:// or https:// URL")
        String url,

        @Size(max = 20) @Pattern(regexp = "[A-Za-z0-9.~+-]+")
        String odooVersion,

        OdooEdition odooEdition,
        @Size(max = 100) String databaseName,
        @Size(max = 255) String host,

        @Pattern(
                regexp = "(inventory:asset|vm:vm):[1-9][0-9]{0,18}",
                message = "must be inventory:asset:<id> or vm:vm:<id>")
        String hostRef,

        @Size(max = 4000) String notes) {}

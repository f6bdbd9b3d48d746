package io.infrasystem.commons.crud;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The scopes (or realm roles) a {@link CrudResource} asks of its callers, declared once on the
 * resource class, e.g.
 * {@code @CrudScopes(read = Scopes.INVENTORY_READ, write = Scopes.INVENTORY_WRITE, delete = Scopes.ADMIN)}.
 * {@link CrudScopeFilter} checks them before the body is read: an anonymous caller gets 401, a
 * caller without the scope 403, both as {@code application/problem+json} (as
 * {@code @RolesAllowed} answers). Every {@link CrudResource} must carry it; one without it refuses
 * every call with 403.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CrudScopes {

    /** @return the scope of {@code GET} list, {@code GET /{id}} and the CSV export */
    String read();

    /** @return the scope of {@code POST}, {@code PUT /{id}} and {@code PATCH /{id}} */
    String write();

    /** @return the scope of {@code DELETE /{id}} */
    String delete();

    /** What an endpoint of the kernel does, and so which of the resource's scopes it needs. */
    enum Access {
        READ,
        WRITE,
        DELETE;

        /** @return the scope that {@code scopes} gives for this access */
        public String scope(CrudScopes scopes) {
            return switch (this) {
                case READ -> scopes.read();
                case WRITE -> scopes.write();
                case DELETE -> scopes.delete();
            };
        }
    }

    /**
     * Marks an endpoint of a {@link CrudResource} (the kernel's, or one a subclass adds) with the
     * access it needs; read by {@link CrudScopeFilter}.
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Needs {
        /** @return the access the endpoint needs */
        Access value();
    }
}

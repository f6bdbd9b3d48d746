/**
 * Who a request comes from once the edge has checked its credential: the principal, the outcome of
 * a check and the kind of credential. Both {@code auth} (Keycloak tokens, the edge's
 * authenticator) and {@code apikey} (API keys) produce these types; they depend on nothing else of
 * the gateway.
 */
package io.infrasystem.gateway.principal;

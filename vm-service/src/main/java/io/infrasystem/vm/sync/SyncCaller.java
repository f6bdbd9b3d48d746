package io.infrasystem.vm.sync;

import io.infrasystem.commons.problem.ProblemException;
import io.infrasystem.commons.problem.ProblemKind;
import io.infrasystem.commons.security.Actor;
import io.infrasystem.commons.security.CurrentActor;
import io.infrasystem.commons.security.Scopes;
import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Set;

/**
 * Who writes to a sync run: the principal as {@code <type>:<name>} (so a user and an API key of the
 * same name stay apart), whether they hold {@code admin}, which may write to any run, and the
 * sources an API key's {@code vm:sync} is limited to ({@code vm:sync:<source>} scopes).
 *
 * @param principal {@code user:alice}, {@code api_key:n8n} …
 * @param admin whether the caller holds the {@code admin} scope
 * @param sources the only sources the caller may sync; empty for every source
 */
public record SyncCaller(String principal, boolean admin, Set<String> sources) {

    public SyncCaller {
        sources = Set.copyOf(sources);
    }

    /**
     * @param source a source about to be synced
     * @throws ProblemException 403 when the caller's {@code vm:sync} is limited to other sources
     */
    public void requireSource(String source) {
        if (!sources.isEmpty() && !sources.contains(source)) {
            throw new ProblemException(
                    ProblemKind.FORBIDDEN,
                    "this key may sync only the sources " + sources + ", not " + source,
                    List.of());
        }
    }

    /** @return whether the caller may sync {@code source} */
    public boolean maySync(String source) {
        return sources.isEmpty() || sources.contains(source);
    }

    /**
     * @param actor the current actor
     * @param identity the request's identity
     * @return the caller of the current request
     */
    public static SyncCaller of(CurrentActor actor, SecurityIdentity identity) {
        Actor who = actor.resolve("sync");
        return new SyncCaller(
                who.type().wireName() + ":" + who.name(),
                identity.hasRole(Scopes.ADMIN),
                Scopes.syncSources(identity.getRoles()));
    }
}

package io.infrasystem.commons.security;

/**
 * The principal on whose behalf a change is made, as recorded in the audit log and in events.
 *
 * @param name user name ({@code preferred_username}), API key name, or the job's name for
 *     {@link ActorType#SYSTEM}
 * @param type what kind of principal {@code name} designates
 */
public record Actor(String name, ActorType type) {

    /**
     * @param job name of the job or rule acting, e.g. {@code "sync"} or {@code "eos-report"}
     * @return the actor that stands for the service itself
     */
    public static Actor system(String job) {
        return new Actor(job, ActorType.SYSTEM);
    }
}

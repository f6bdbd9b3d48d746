package io.infrasystem.archsample.bad.cycle.alpha;

import io.infrasystem.archsample.bad.cycle.beta.Beta;

/** Uses {@link Beta}, which uses this class back: a cycle between two features. */
public class Alpha {

    /** @return a new partner */
    public Beta partner() {
        return new Beta();
    }
}

package io.infrasystem.archsample.bad.cycle.beta;

import io.infrasystem.archsample.bad.cycle.alpha.Alpha;

/** Uses {@link Alpha} back. */
public class Beta {

    /** @return a new partner */
    public Alpha partner() {
        return new Alpha();
    }
}

package io.infrasystem.commons.probe;

import io.infrasystem.commons.crud.Tracked;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;

/** A test entity of the probe service; id, version and stamps come from {@link Tracked}. */
@Entity
public class Widget extends Tracked {

    public String name;

    @Column(name = "size_u")
    public int sizeU;

    public record Dto(long id, String name, int sizeU, long version) {}

    public Dto dto() {
        return new Dto(id, name, sizeU, version);
    }
}

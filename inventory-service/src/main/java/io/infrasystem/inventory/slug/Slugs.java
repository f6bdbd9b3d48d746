package io.infrasystem.inventory.slug;

import java.text.Normalizer;
import java.util.Locale;

/** URL-friendly identifiers as NetBox makes them: lower-case ASCII letters, digits and hyphens. */
public final class Slugs {

    /** The pattern a slug must match. */
    public static final String PATTERN = "^[a-z0-9]+(?:[-_][a-z0-9]+)*$";

    private Slugs() {}

    /**
     * @param name a display name, e.g. {@code "Hewlett Packard Enterprise"}
     * @return its slug, e.g. {@code "hewlett-packard-enterprise"}; {@code "item"} when nothing is left
     */
    public static String of(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug =
                ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "item" : slug;
    }
}

package io.infrasystem.gateway.web;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The built web application: files under {@code META-INF/resources} on the class path (the {@code web}
 * module's jar), read once and kept in memory (the whole app is a few hundred kilobytes).
 */
@ApplicationScoped
public class WebAssets {

    static final String ROOT = "META-INF/resources";

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("map", "application/json"));

    /** A file of the app: its bytes and media type. */
    public record Asset(byte[] content, String contentType) {}

    private final Map<String, Optional<Asset>> cache = new ConcurrentHashMap<>();

    /**
     * @param path request path, e.g. {@code /assets/index-3f2a.js}
     * @return the file, or empty when there is none, or the path is not a plain file path with one of
     *     the app's file extensions (a folder such as {@code /assets} is no file: the app has a route
     *     of that name)
     * @throws UncheckedIOException when the class path cannot be read
     */
    public Optional<Asset> find(String path) {
        if (!path.startsWith("/") || path.endsWith("/") || path.contains("..") || path.contains("//")) {
            return Optional.empty();
        }
        int dot = path.lastIndexOf('.');
        if (dot < path.lastIndexOf('/') || !TYPES.containsKey(path.substring(dot + 1))) {
            return Optional.empty();
        }
        return cache.computeIfAbsent(path, WebAssets::load);
    }

    private static Optional<Asset> load(String path) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (InputStream in = loader.getResourceAsStream(ROOT + path)) {
            if (in == null) {
                return Optional.empty();
            }
            String extension = path.substring(path.lastIndexOf('.') + 1);
            return Optional.of(new Asset(in.readAllBytes(), TYPES.get(extension)));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + ROOT + path, e);
        }
    }
}

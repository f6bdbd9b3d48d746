package io.infrasystem.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The web application's Playwright scenarios ({@code web/e2e/}), run with {@code npx playwright test}
 * against the suite this module started, in Debian's Chromium. Playwright's own output goes to
 * {@code e2e-tests/target/playwright.log}; screenshots and failure traces to
 * {@code e2e-tests/target/playwright/}.
 *
 * @param settings the running stack's settings (gateway port, Keycloak, dev users)
 * @param outputDir where the log and Playwright's output go
 */
record BrowserScenarios(StackSettings settings, Path outputDir) {

    private static final Duration TIMEOUT = Duration.ofMinutes(20);

    /**
     * Runs every scenario.
     *
     * @return Playwright's summary lines (passed / failed / flaky counts)
     * @throws IllegalStateException if a scenario fails or the run exceeds its timeout, with the
     *     tail of Playwright's output
     * @throws IOException if Playwright cannot be started (no {@code web/node_modules}: build the
     *     {@code web} module first)
     */
    String run() throws IOException, InterruptedException {
        Path web = settings.repoRoot().resolve("web");
        Files.createDirectories(outputDir);
        Path log = outputDir.resolve("playwright.log");
        ProcessBuilder builder = new ProcessBuilder("npx", "--no-install", "playwright", "test")
                .directory(web.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        var env = builder.environment();
        env.put("INFRA_WEB_URL", "http://localhost:" + settings.get("API_GATEWAY_PORT"));
        env.put("INFRA_KEYCLOAK_URL", settings.get("INFRA_KEYCLOAK_URL"));
        env.put("KEYCLOAK_REALM", settings.get("KEYCLOAK_REALM"));
        env.put("INFRA_DEV_CLIENT_ID", settings.get("INFRA_DEV_CLIENT_ID"));
        for (String password : List.of("DEV_ADMIN_PASSWORD", "DEV_EDITOR_PASSWORD", "DEV_VIEWER_PASSWORD")) {
            env.put(password, settings.get(password));
        }
        env.put("INFRA_PLAYWRIGHT_OUTPUT", outputDir.resolve("playwright").toString());
        env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        env.put("CI", "1");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            throw new IllegalStateException("Playwright did not finish within " + TIMEOUT + "; see " + log);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("Playwright exited with " + process.exitValue() + "; last lines of " + log
                    + ":\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size())));
        }
        return String.join(
                "; ",
                lines.stream()
                        .map(String::strip)
                        .filter(l -> l.matches("\\d+ (passed|failed|flaky|skipped).*"))
                        .toList());
    }
}

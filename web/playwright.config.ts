import { defineConfig } from '@playwright/test';

// Runs against a suite that is already up (README: deploy/local/stack up; e2e-tests runs it against
// the suite it starts); nothing is downloaded: Debian's Chromium drives the tests.
export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.INFRA_PLAYWRIGHT_OUTPUT ?? 'test-results',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: process.env.INFRA_WEB_URL ?? 'http://localhost:8080',
    screenshot: 'only-on-failure',
    // No transitions: a live toast fading in while axe scans would read as too little contrast.
    reducedMotion: 'reduce',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
      ],
    },
  },
});

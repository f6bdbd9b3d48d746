import { defineConfig } from '@playwright/test';
import base from './playwright.config';

// Benchmarks of the web app against a running suite (`npm run bench`); they print figures and are
// not part of the test run (web/README.md, "Benchmark").
export default defineConfig({
  ...base,
  testDir: 'bench',
  testMatch: '*.bench.ts',
  timeout: 600_000,
  outputDir: 'test-results/bench',
});

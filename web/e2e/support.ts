import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

/** Settings of the running suite (the defaults of deploy/local/infra.env). */
export const KEYCLOAK_URL = process.env.INFRA_KEYCLOAK_URL ?? 'http://127.0.0.1:8180';
export const REALM = process.env.KEYCLOAK_REALM ?? 'infra';
const DEV_CLIENT = process.env.INFRA_DEV_CLIENT_ID ?? 'infra-dev';

export const PASSWORDS: Record<string, string> = {
  'dev-admin': process.env.DEV_ADMIN_PASSWORD ?? 'dev-admin-password',
  'dev-editor': process.env.DEV_EDITOR_PASSWORD ?? 'dev-editor-password',
  'dev-viewer': process.env.DEV_VIEWER_PASSWORD ?? 'dev-viewer-password',
};

/** Opens the app at `path` and logs in through Keycloak's own login page. */
export async function login(page: Page, username: string, path = '/'): Promise<void> {
  await page.goto(path);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(PASSWORDS[username]);
  await page.locator('#kc-login').click();
  await expect(page.getByRole('button', { name: /User menu/ })).toBeVisible({ timeout: 15_000 });
  await expect(page).not.toHaveURL(/\/auth\/callback/);
}

/** A token of a dev user from the stack's dev client (password grant), for API set-up steps. */
export async function devToken(username: string): Promise<string> {
  const response = await fetch(`${KEYCLOAK_URL}/realms/${REALM}/protocol/openid-connect/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password', client_id: DEV_CLIENT, username, password: PASSWORDS[username],
    }),
  });
  if (!response.ok) throw new Error(`token for ${username}: HTTP ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** Screenshots the page into the test output and fails on a serious or critical axe violation. */
export async function screenshotAndScan(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  // Headless Chromium does not paint a page of another context that is not in front: a screenshot
  // of it would wait for a frame that never comes.
  await page.bringToFront();
  // Transitions are off (reduced motion, playwright.config.ts); should one still run, its text at
  // part opacity would read as too little contrast: scan the page at rest (spinners loop forever).
  await page.waitForFunction(
    () =>
      document
        .getAnimations()
        .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity),
    undefined,
    { timeout: 10_000 },
  );
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => `${n.target.join(' ')} ${n.html}`).join(', ')})`)).toEqual([]);
}

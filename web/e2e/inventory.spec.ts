import { readFile } from 'node:fs/promises';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

// Hardware inventory screens (issue 18): sites, racks and the rack elevation with drag and drop,
// the data tools' CSV import. The catalogue entries (manufacturer, device type, model) and the
// servers are created through the API; what a person does goes through the screens.

const RUN = `${Date.now()}`;

// Both faces, the unplaced list and the upper units in view without scrolling: the drags stay on screen.
test.use({ viewport: { width: 1600, height: 1200 } });

/** POSTs JSON to the API with a dev user's token and returns the created resource. */
async function create<T = { id: number }>(baseURL: string, user: string, path: string, body: unknown): Promise<T> {
  const token = await devToken(user);
  const response = await fetch(`${baseURL}/api/inventory/${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  expect([200, 201], `${path}: ${response.status} ${await response.clone().text()}`).toContain(response.status);
  return (await response.json()) as T;
}

/** A manufacturer, a server device type and a 1U model of this run (in `colour` in the rack elevation, when given). */
async function catalogue(baseURL: string, user: string, tag: string, colour?: string) {
  const manufacturer = await create<{ id: number; name: string }>(baseURL, user, 'manufacturers', { name: `E2E ${tag} ${RUN}` });
  const type = await create(baseURL, user, 'device-types', { name: `E2E server ${tag} ${RUN}`, category: 'server' });
  const model = await create<{ id: number; name: string; device_type_id: number }>(baseURL, user, 'models', {
    manufacturer_id: manufacturer.id, device_type_id: type.id, name: `E2E-1U-${tag}-${RUN}`, u_height: 1, colour,
  });
  return { manufacturer, model };
}

/**
 * Drags with the mouse, in small steps (dnd-kit's pointer sensor), to the middle of the `target`
 * slot: an unplaced asset held by its middle (it goes where the pointer is), a device of the rack
 * by its lowest half unit (it goes where that half unit is drawn).
 */
async function drag(page: Page, source: Locator, target: Locator, grip: 'middle' | 'lowest-half-unit' = 'middle'): Promise<void> {
  const from = (await source.boundingBox())!;
  const to = (await target.boundingBox())!;
  const x = from.x + from.width / 2;
  const y = grip === 'middle' ? from.y + from.height / 2 : from.y + from.height - to.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 10, y + 10, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 15 });
  await page.mouse.up();
}

test('an editor creates a site and a 42U rack, drags two servers into it (a viewer sees it live), and a drop onto an occupied unit is refused', async ({ page, browser, baseURL }, testInfo) => {
  const { model } = await catalogue(baseURL!, 'dev-editor', 'rack', '1f77b4');
  const siteName = `E2E Site ${RUN}`;
  const rackName = `E2E-R42-${RUN}`;

  await login(page, 'dev-editor', '/sites');
  await page.getByRole('button', { name: 'New site' }).click();
  const siteForm = page.getByRole('dialog', { name: 'New site' });
  await siteForm.getByRole('textbox', { name: /^Name/ }).fill(siteName);
  await siteForm.getByRole('textbox', { name: 'Address' }).fill('1 Test Street, Berlin');
  await siteForm.getByRole('textbox', { name: /Time zone/ }).fill('Europe/Berlin');
  await screenshotAndScan(page, testInfo, 'site-form');
  await siteForm.getByRole('button', { name: 'Create site' }).click();
  await expect(siteForm).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Search' }).fill(siteName);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  await expect(page.getByRole('cell', { name: siteName, exact: true })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'sites');

  // Two servers of the new site, not in a rack yet.
  const token = await devToken('dev-editor');
  const sites = await (await fetch(`${baseURL}/api/inventory/sites?name=${encodeURIComponent(siteName)}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
  })).json() as { results: { id: number }[] };
  const siteId = sites.results[0].id;
  const first = `e2e-srv1-${RUN}`;
  const second = `e2e-srv2-${RUN}`;
  for (const hostname of [first, second]) {
    await create(baseURL!, 'dev-editor', 'assets', { hostname, model_id: model.id, status: 'active', site_id: siteId });
  }

  await page.getByRole('navigation').getByRole('link', { name: 'Racks', exact: true }).click();
  await page.getByRole('button', { name: 'New rack' }).click();
  const rackForm = page.getByRole('dialog', { name: 'New rack' });
  await rackForm.getByRole('combobox', { name: /Site/ }).fill(siteName);
  await page.getByRole('option', { name: siteName }).click();
  await rackForm.getByRole('textbox', { name: /^Name/ }).fill(rackName);
  await expect(rackForm.getByRole('textbox', { name: 'Height (U)' })).toHaveValue('42');
  await screenshotAndScan(page, testInfo, 'rack-form');
  await rackForm.getByRole('button', { name: 'Create rack' }).click();
  await expect(rackForm).toHaveCount(0);
  await page.getByRole('textbox', { name: 'Search' }).fill(rackName);
  await page.getByRole('textbox', { name: 'Search' }).press('Enter');
  await page.getByRole('link', { name: rackName }).click();

  await expect(page.getByRole('heading', { name: `Rack ${rackName}` })).toBeVisible();
  const front = page.getByRole('group', { name: `Front of rack ${rackName}` });
  const unplaced = page.getByRole('region', { name: 'Unplaced assets' });
  await expect(unplaced.getByRole('button', { name: new RegExp(`^${first} `) })).toBeVisible();
  await expect(unplaced.getByRole('button', { name: new RegExp(`^${second} `) })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'rack-elevation-empty');

  // A viewer in a second browser has the same rack open; moves reach it through the live updates.
  const viewerContext = await browser.newContext({ viewport: { width: 1600, height: 1200 } });
  const viewer = await viewerContext.newPage();
  await login(viewer, 'dev-viewer', new URL(page.url()).pathname);
  const viewerFront = viewer.getByRole('group', { name: `Front of rack ${rackName}` });
  await expect(viewerFront).toBeVisible();
  await expect(viewerFront.getByText(first)).toHaveCount(0);

  await drag(page, unplaced.getByRole('button', { name: new RegExp(`^${first} `) }), front.locator('[data-slot="front:40"]'));
  await expect(front.getByRole('button', { name: new RegExp(`^${first} .*U40 front`) })).toBeVisible();
  // drawn in its model's colour from the catalogue
  await expect(front.getByRole('button', { name: new RegExp(`^${first} `) })).toHaveCSS('border-left-color', 'rgb(31, 119, 180)');
  await expect(viewerFront.getByText(first)).toBeVisible({ timeout: 15_000 });
  await expect(viewer.getByRole('button', { name: new RegExp(`^${first} `) })).toHaveCount(0);
  await viewerContext.close();
  await drag(page, unplaced.getByRole('button', { name: new RegExp(`^${second} `) }), front.locator('[data-slot="front:35"]'));
  await expect(front.getByRole('button', { name: new RegExp(`^${second} .*U35 front`) })).toBeVisible();
  await expect(unplaced.getByText('No asset of this site is waiting for a rack.')).toBeVisible();

  // The second server onto the first one's unit: the 409 names the blocking asset and its units.
  await drag(page, front.getByRole('button', { name: new RegExp(`^${second} `) }), front.locator('[data-slot="front:40"]'), 'lowest-half-unit');
  const refusal = page.getByRole('alert').filter({ hasText: 'Conflict (409)' });
  await expect(refusal).toContainText(first);
  await expect(refusal).toContainText('occupies U40');
  await expect(front.getByRole('button', { name: new RegExp(`^${second} .*U35 front`) })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'rack-elevation');

  // A second rack of the site beside the first: the second server moves across, to U20 of its rear.
  const otherName = `E2E-R42b-${RUN}`;
  await create(baseURL!, 'dev-editor', 'racks', { site_id: siteId, name: otherName, u_height: 42, status: 'active' });
  await page.getByRole('combobox', { name: 'Second rack of this site' }).click();
  await page.getByRole('option', { name: otherName }).click();
  const otherRear = page.getByRole('group', { name: `Rear of rack ${otherName}` });
  await expect(otherRear).toBeVisible();
  await drag(page, front.getByRole('button', { name: new RegExp(`^${second} `) }), otherRear.locator('[data-slot="rear:20"]'), 'lowest-half-unit');
  await expect(otherRear.getByRole('button', { name: new RegExp(`^${second} .*U20 rear`) })).toBeVisible();
  await expect(front.getByText(second)).toHaveCount(0);
  await screenshotAndScan(page, testInfo, 'rack-elevation-two-racks');
});

test('an admin imports assets from CSV (two bad lines shown with their line numbers, then the fixed file), dry-runs the restore of a backup, downloads the EoS CSV, and sets mail and gateway settings', async ({ page, baseURL }, testInfo) => {
  const { manufacturer, model } = await catalogue(baseURL!, 'dev-admin', 'csv');
  const header = 'hostname,asset_tag,manufacturer,model,status';
  const row = (n: number, modelName: string, status: string) =>
    `e2e-csv${n}-${RUN},CSV${n}-${RUN},${manufacturer.name},${modelName},${status}`;
  const bad = [header, row(1, model.name, 'active'), row(2, `No such model ${RUN}`, 'active'), row(3, model.name, 'sleeping')].join('\n');
  const good = [header, row(1, model.name, 'active'), row(2, model.name, 'active'), row(3, model.name, 'planned')].join('\n');

  await login(page, 'dev-admin', '/admin/data');
  await expect(page.getByRole('heading', { name: 'Data tools' })).toBeVisible();
  const content = page.getByRole('textbox', { name: /CSV content/ });
  await content.fill(bad);
  await page.getByRole('button', { name: 'Dry run' }).click();
  const errors = page.getByRole('table', { name: 'Import errors' });
  await expect(errors.getByRole('row')).toHaveCount(3);
  await expect(errors.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('3');
  await expect(errors.getByRole('row').nth(1)).toContainText('model');
  await expect(errors.getByRole('row').nth(2).getByRole('cell').first()).toHaveText('4');
  await expect(errors.getByRole('row').nth(2)).toContainText('status');
  await screenshotAndScan(page, testInfo, 'csv-import-errors');

  await content.fill(good);
  await page.getByRole('button', { name: 'Dry run' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dry run of assets' })).toContainText('3 rows: 3 to create');
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Imported assets' })).toContainText('3 rows, 3 created');

  // A backup is created, downloaded, and its upload's restore dry run shows the manifest.
  await page.getByRole('tab', { name: 'Backups' }).click();
  const backups = page.getByRole('table', { name: 'Backups' });
  const before = await backups.getByRole('row').count().catch(() => 0);
  await page.getByRole('button', { name: 'Create backup' }).click();
  await expect(backups.getByRole('row')).toHaveCount(Math.max(before, 1) + 1, { timeout: 30_000 });
  const names = (await backups.getByRole('row').locator('td:first-child').allTextContents()).sort();
  const newest = names[names.length - 1];
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: `Download ${newest}` }).click();
  const archive = await downloading;
  expect(archive.suggestedFilename()).toBe(newest);
  await page.locator('input[type="file"][accept=".zip,application/zip"]').setInputFiles(await archive.path());
  await page.getByRole('button', { name: 'Dry run' }).click();
  const manifest = page.getByRole('table', { name: 'Archive manifest' });
  await expect(manifest.getByRole('row', { name: /^asset \d+ \d+$/ })).toHaveCount(1, { timeout: 30_000 });
  await expect(page.getByText('dry run: nothing was changed')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Restore…' })).toBeEnabled();
  await screenshotAndScan(page, testInfo, 'backups');

  // The EoS report as CSV: the run's model past its end of support, with its one asset.
  const eosModel = await create<{ id: number; name: string }>(baseURL!, 'dev-admin', 'models', {
    manufacturer_id: manufacturer.id, device_type_id: model.device_type_id, name: `E2E-EoS-${RUN}`, u_height: 1, end_of_support: '2021-06-30',
  });
  await create(baseURL!, 'dev-admin', 'assets', { hostname: `e2e-eos-${RUN}`, model_id: eosModel.id, status: 'active' });
  await page.getByRole('navigation').getByRole('link', { name: 'EoS report' }).click();
  await expect(page.getByRole('table', { name: 'Models past or near end of support' }).getByRole('row', { name: new RegExp(eosModel.name) })).toBeVisible();
  const csvDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  const csvFile = await csvDownload;
  expect(csvFile.suggestedFilename()).toMatch(/^eos-report-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await csvFile.path(), 'utf8')).trim().split(/\r?\n/);
  expect(lines[0]).toBe('state,manufacturer,model,part_number,end_of_support,days_left,site,rack,asset_id,hostname,asset_tag,serial,status');
  const ours = lines.filter((l) => l.includes(eosModel.name));
  expect(ours).toHaveLength(1);
  expect(ours[0]).toContain('2021-06-30');
  expect(ours[0]).toContain(`e2e-eos-${RUN}`);
  expect(ours[0]).toContain(manufacturer.name);

  await page.getByRole('navigation').getByRole('link', { name: 'Mail administration' }).click();
  await expect(page.getByRole('button', { name: 'Save settings' })).toBeVisible({ timeout: 15_000 });
  await screenshotAndScan(page, testInfo, 'mail-smtp-settings');
  for (const [tab, shot] of [['Templates', 'mail-templates'], ['Channels', 'mail-channels']]) {
    await page.getByRole('tab', { name: tab }).click();
    await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
    await screenshotAndScan(page, testInfo, shot);
  }

  // The gateway's rate limits: an out-of-range value is refused naming its field; the shown ones save.
  await page.getByRole('navigation').getByRole('link', { name: 'Rate limits' }).click();
  const own = page.getByRole('textbox', { name: /gateway's own API/ });
  await expect(own).toBeVisible({ timeout: 15_000 });
  const shown = await own.inputValue();
  await own.fill('5');
  await page.getByRole('button', { name: 'Save rate limits' }).click();
  await expect(page.getByText('must be between 10 and 1000000', { exact: true })).toBeVisible();
  await own.fill(shown);
  await page.getByRole('button', { name: 'Save rate limits' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rate limits saved.' })).toBeVisible();
  await expect(page.getByText(/Saved by dev-admin/)).toBeVisible();
  await screenshotAndScan(page, testInfo, 'gateway-rate-limits');
});

test('a viewer sees assets, the EoS report, the catalogue, storage arrays, maintenance windows, sites and racks', async ({ page }, testInfo) => {
  await login(page, 'dev-viewer', '/assets');
  await expect(page.getByRole('heading', { name: 'Assets', exact: true })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
  await screenshotAndScan(page, testInfo, 'assets');
  await expect(page.getByRole('button', { name: 'New asset' })).toHaveCount(0);
  await page.getByRole('navigation').getByRole('link', { name: 'EoS report' }).click();
  await expect(page.getByRole('heading', { name: 'End-of-Support report' })).toBeVisible();
  await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
  await screenshotAndScan(page, testInfo, 'eos-report');
  await expect(page.getByRole('button', { name: 'Send now' })).toHaveCount(0);
  for (const [link, heading, shot] of [
    ['Catalogue', 'Catalogue', 'catalogue'],
    ['Storage arrays', 'Storage arrays', 'storage-arrays'],
    ['Maintenance windows', 'Maintenance windows', 'maintenance-windows'],
    ['Sites', 'Sites', 'sites-viewer'],
    ['Racks', 'Racks', 'racks'],
  ]) {
    await page.getByRole('navigation').getByRole('link', { name: link, exact: true }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    await expect(page.getByRole('status')).toHaveCount(0, { timeout: 15_000 });
    await screenshotAndScan(page, testInfo, shot);
  }
});

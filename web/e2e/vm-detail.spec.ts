import { expect, test, type Page } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

// The VM detail's manual data against the running suite: an override outlives a sync, and two
// people saving the same VM meet the conflict dialog (If-Match / 412).

const RUN = `web-manual-${Date.now()}`;

/** Posts one VM of this run as a sync workflow would (normalized format) and returns its id. */
async function syncVm(baseURL: string, name: string, cluster: string): Promise<number> {
  const token = await devToken('dev-editor');
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const response = await fetch(`${baseURL}/api/vm/sync/other?source=${name}`, {
    method: 'POST',
    headers,
    body: JSON.stringify({
      format: 'infra-vm/v1', platform: 'other',
      vms: [{ vm_uuid: `${name}-uuid`, name, power_state: 'on', os_family: 'linux', cluster, vcpus: 1, memory_mb: 1024 }],
    }),
  });
  expect(response.status, await response.text()).toBe(200);
  const list = await fetch(`${baseURL}/api/vm/vms?name=${encodeURIComponent(name)}`, { headers });
  expect(list.status).toBe(200);
  const page = (await list.json()) as { results: { id: number }[] };
  expect(page.results).toHaveLength(1);
  return page.results[0].id;
}

/** Opens a VM's detail and waits until its overrides form is there. */
async function openVm(page: Page, id: number, name: string): Promise<void> {
  await page.goto(`/vms/${id}`);
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Save changes' })).toBeVisible();
}

test('an override made by an editor is still shown as overridden after a sync', async ({ page, baseURL }, testInfo) => {
  const name = `${RUN}-override`;
  const id = await syncVm(baseURL!, name, `${RUN}-cluster-1`);
  await login(page, 'dev-editor', `/vms?name=${name}`);
  await page.getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { name, exact: true })).toBeVisible();

  await page.getByRole('switch', { name: /Override cluster/ }).check();
  await page.getByRole('textbox', { name: 'Manual cluster name' }).fill(`${RUN}-by-hand`);
  await page.getByRole('button', { name: 'Save changes' }).click();
  await expect(page.getByText(/Saved \(version \d+\)/)).toBeVisible();

  // The source reports another cluster; the fact shown stays the manual one.
  expect(await syncVm(baseURL!, name, `${RUN}-cluster-2`)).toBe(id);
  await page.reload();
  await expect(page.getByText(`Synced value: ${RUN}-cluster-2`)).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('dd', { hasText: `${RUN}-by-hand` })).toContainText('overridden by hand');
  await expect(page.getByRole('switch', { name: /Override cluster/ })).toBeChecked();
  await expect(page.getByText(`cluster_name: ${RUN}-cluster-1 → ${RUN}-cluster-2`)).toBeVisible();
  await screenshotAndScan(page, testInfo, 'vm-detail-editor');
});

test('two editors change the same VM: the second gets the conflict dialog', async ({ browser, baseURL }, testInfo) => {
  const name = `${RUN}-conflict`;
  const id = await syncVm(baseURL!, name, `${RUN}-cluster`);
  const first = await (await browser.newContext({ baseURL })).newPage();
  const second = await (await browser.newContext({ baseURL })).newPage();
  await login(first, 'dev-editor', `/vms/${id}`);
  await login(second, 'dev-admin', `/vms/${id}`);
  await openVm(first, id, name);
  await openVm(second, id, name);

  await first.getByRole('textbox', { name: 'Project' }).fill(`${RUN}-first`);
  await first.getByRole('button', { name: 'Save changes' }).click();
  await expect(first.getByText(/Saved \(version \d+\)/)).toBeVisible();

  // The second form still holds the version it was opened with.
  await second.getByRole('textbox', { name: 'Project' }).fill(`${RUN}-second`);
  await second.getByRole('button', { name: 'Save changes' }).click();
  const dialog = second.getByRole('dialog', { name: 'Someone else changed this VM' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Project/ })).toContainText(`${RUN}-first`);
  await expect(dialog.getByRole('row', { name: /Project/ })).toContainText(`${RUN}-second`);
  await screenshotAndScan(second, testInfo, 'vm-conflict-dialog');

  await dialog.getByRole('button', { name: 'Overwrite with mine' }).click();
  await expect(dialog).toBeHidden();
  await expect(second.getByText(/Saved \(version \d+\)/)).toBeVisible();
  await openVm(first, id, name);
  await expect(first.getByRole('textbox', { name: 'Project' })).toHaveValue(`${RUN}-second`);
});

test('an editor tags VMs in bulk from the list and chooses its columns', async ({ page, baseURL }, testInfo) => {
  const name = `${RUN}-bulk`;
  await syncVm(baseURL!, name, `${RUN}-cluster`);
  await login(page, 'dev-editor', `/vms?name=${name}`);
  await page.getByRole('checkbox', { name: `Select ${name}` }).check();
  await page.getByRole('button', { name: 'Tag 1 selected' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag selected virtual machines' });
  await dialog.getByRole('combobox', { name: 'Add tags' }).fill(`${RUN}-tag`);
  await dialog.getByRole('combobox', { name: 'Add tags' }).press('Enter');
  await screenshotAndScan(page, testInfo, 'vm-bulk-tags');
  await dialog.getByRole('button', { name: 'Apply tags' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('cell', { name: `${RUN}-tag` })).toBeVisible();

  await page.getByRole('button', { name: 'Columns' }).click();
  await page.getByRole('checkbox', { name: 'Hostname' }).check();
  await expect(page.getByRole('columnheader', { name: /Hostname/ })).toBeVisible();
  await screenshotAndScan(page, testInfo, 'vm-list-columns');
  await page.keyboard.press('Escape');
  await page.reload();
  await expect(page.getByRole('columnheader', { name: /Hostname/ })).toBeVisible({ timeout: 15_000 });
});

import { expect, test } from '@playwright/test';
import { devToken, login, screenshotAndScan } from './support';

const SOURCE = `web-live-${Date.now()}`;

/** Posts one VM of this run's source, as a sync workflow would (normalized format). */
async function syncOneVm(baseURL: string, n: number): Promise<string> {
  const token = await devToken('dev-editor');
  const name = `${SOURCE}-vm${n}`;
  const response = await fetch(`${baseURL}/api/vm/sync/other?source=${SOURCE}-${n}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      format: 'infra-vm/v1', platform: 'other',
      vms: [{ vm_uuid: `${SOURCE}-uuid-${n}`, name, power_state: 'on', os_family: 'linux', vcpus: 1, memory_mb: 1024 }],
    }),
  });
  expect(response.status, await response.text()).toBe(200);
  return name;
}

test("a viewer's VM list shows a new VM live when a sync arrives", async ({ page, baseURL }, testInfo) => {
  await login(page, 'dev-viewer', `/vms?q=${SOURCE}`);
  await expect(page.getByText('No virtual machine matches these filters.')).toBeVisible();
  const name = await syncOneVm(baseURL!, 1);
  // No reload: the vm.vm.created event over the WebSocket refreshes the list.
  await expect(page.getByRole('link', { name })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByText(/VM \d+ created/).first()).toBeVisible();
  await screenshotAndScan(page, testInfo, 'vm-list-live');
});

import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import VmDetail from './VmDetail';
import { historySteps } from './vm/History';
import { patchOf, valuesOf } from './vm/manualValues';
import { problem, renderApp, stubFetch } from '../test/render';

const MANUAL = {
  project_name: 'shop', environment: 'production', notes: 'keep', override_power_state: false,
  override_cluster: false, override_hostname: false, override_os_type: false, version: 3,
};
const DETAIL = {
  vm: {
    id: 12, platform: 'vmware', source: 'vc1', vm_uuid: 'u-12', vm_name: 'web-01', power_state: 'on',
    cluster_name: 'manual-c', os_type: 'Ubuntu', tags: ['web'], overridden: ['cluster_name'], is_deleted: false,
    business_owner: { id: 4, full_name: 'Bob', email: 'bob@example.org' }, version: 3,
  },
  synced: { power_state: 'on', cluster_name: 'c1', hostname: 'web01', os_type: 'Ubuntu' },
  manual: MANUAL,
  nics: [], disks: [],
  manual_ips: [{ id: 7, ip_address: '10.0.0.9', is_primary: true, label: 'mgmt' }],
  custom_fields: { rack: 'A1' },
  history: [
    { id: 3, sync_run_id: 9, change_type: 'updated', field_name: 'memory_mb', old_value: '2048', new_value: '4096', changed_at: '2026-02-01T10:00:00Z' },
    { id: 2, sync_run_id: 9, change_type: 'updated', field_name: 'total_vcpus', old_value: '1', new_value: '2', changed_at: '2026-02-01T10:00:00Z' },
    { id: 1, sync_run_id: 8, change_type: 'created', new_value: 'web-01', changed_at: '2026-01-01T10:00:00Z' },
  ],
};
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const view = (manual: object) => ({ id: 12, is_deleted: false, manual, manual_ips: [], tags: ['web'], custom_fields: {} });

function open(roles: ('viewer' | 'editor' | 'admin')[], answers: Record<string, object> = {}, detail: object = DETAIL) {
  const calls = stubFetch({ '/api/vm/vms/12': detail, '/api/vm/owners': { count: 0, results: [] }, ...answers });
  renderApp(<Routes><Route path="/vms/:id" element={<VmDetail />} /></Routes>, { roles, url: '/vms/12' });
  return calls;
}
const sent = (calls: { url: string; init?: RequestInit }[], method: string, path: string) => {
  const call = calls.filter((c) => c.init?.method === method && c.url.split('?')[0] === path).at(-1);
  return call && { url: call.url, body: call.init?.body ? JSON.parse(String(call.init.body)) : undefined,
    headers: call.init?.headers as Record<string, string> };
};

describe('VmDetail', () => {
  it('shows a viewer the facts, overrides, owners and the history timeline, read-only', async () => {
    open(['viewer']);
    expect(await screen.findByRole('heading', { name: 'web-01' })).toBeInTheDocument();
    expect(screen.getByText('manual-c').closest('dd')).toHaveTextContent('manual-c overridden by hand');
    expect(screen.getByText('Bob (bob@example.org)')).toBeInTheDocument();
    const timeline = screen.getByText('Facts changed').closest('.mantine-Timeline-root') as HTMLElement;
    expect(within(timeline).getByText('memory_mb: 2048 → 4096')).toBeInTheDocument();
    expect(within(timeline).getByText('total_vcpus: 1 → 2')).toBeInTheDocument();
    expect(within(timeline).getByText('Discovered')).toBeInTheDocument();
    expect(screen.getByText(/sync run 9/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save changes' })).toBeNull();
    expect(screen.queryByRole('button', { name: /Remove/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete VM' })).toBeNull();
  });

  it('saves an override with the version it was opened with', async () => {
    const calls = open(['editor'], {
      'PATCH /api/vm/vms/12/manual': () => json(view({ ...MANUAL, override_cluster: true, manual_cluster_name: 'mc', version: 4 })),
    });
    await userEvent.click(await screen.findByRole('switch', { name: /Override cluster/ }));
    await userEvent.type(screen.getByRole('textbox', { name: 'Manual cluster name' }), 'mc');
    expect(screen.getByText('Synced value: c1')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findByText('Saved (version 4).')).toBeInTheDocument();
    const patch = sent(calls, 'PATCH', '/api/vm/vms/12/manual')!;
    expect(patch.headers['If-Match']).toBe('"3"');
    expect(patch.body).toEqual({ override_cluster: true, manual_cluster_name: 'mc' });
  });

  it('shows a concurrent change as a conflict and overwrites with mine against their version', async () => {
    let patches = 0;
    const calls = open(['editor'], {
      'PATCH /api/vm/vms/12/manual': () =>
        ++patches === 1
          ? problem(412, 'Precondition Failed', 'If-Match "3" does not match the current version "5"')()
          : json(view({ ...MANUAL, project_name: 'mine', environment: 'staging', version: 6 })),
      'GET /api/vm/vms/12/manual': view({ ...MANUAL, project_name: 'theirs', environment: 'staging', version: 5 }),
    });
    const project = await screen.findByRole('textbox', { name: 'Project' });
    await userEvent.clear(project);
    await userEvent.type(project, 'mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    const dialog = await screen.findByRole('dialog', { name: 'Someone else changed this VM' });
    const table = within(dialog).getByRole('table', { name: 'Conflicting values' });
    expect(within(table).getByRole('row', { name: 'Project theirs mine' })).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: 'Environment staging production' })).toBeInTheDocument();
    await userEvent.click(within(dialog).getByRole('button', { name: 'Overwrite with mine' }));
    await vi.waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    const overwrite = sent(calls, 'PATCH', '/api/vm/vms/12/manual')!;
    expect(overwrite.headers['If-Match']).toBe('"5"');
    // Only my change: their environment stays.
    expect(overwrite.body).toEqual({ project_name: 'mine' });
    expect(await screen.findByText('Saved (version 6).')).toBeInTheDocument();
  });

  it('reloads their values from the conflict dialog without saving mine', async () => {
    const calls = open(['editor'], {
      'PATCH /api/vm/vms/12/manual': problem(412, 'Precondition Failed'),
      'GET /api/vm/vms/12/manual': view({ ...MANUAL, project_name: 'theirs', version: 5 }),
    });
    const project = await screen.findByRole('textbox', { name: 'Project' });
    await userEvent.clear(project);
    await userEvent.type(project, 'mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Reload theirs' }));
    expect(screen.getByRole('textbox', { name: 'Project' })).toHaveValue('theirs');
    expect(screen.getByRole('button', { name: 'Save changes' })).toBeDisabled();
    expect(calls.filter((c) => c.init?.method === 'PATCH')).toHaveLength(1);
  });

  it('shows a refused save with its field errors', async () => {
    open(['editor'], {
      'PATCH /api/vm/vms/12/manual': problem(400, 'Bad Request', undefined, [{ field: 'environment', message: 'size must be between 0 and 50' }]),
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'Environment' }), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    expect(await screen.findAllByText(/size must be between 0 and 50/)).not.toHaveLength(0);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('adds and removes tags, manual IPs and custom fields', async () => {
    const ok = () => json(view(MANUAL));
    const calls = open(['editor'], {
      'POST /api/vm/vms/12/tags': ok,
      'DELETE /api/vm/vms/12/tags/web': ok,
      'POST /api/vm/vms/12/ips': ok,
      'DELETE /api/vm/vms/12/ips/7': ok,
      'PATCH /api/vm/vms/12/custom-fields': ok,
    });
    await userEvent.type(await screen.findByRole('textbox', { name: 'New tag' }), 'db');
    await userEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await vi.waitFor(() => expect(sent(calls, 'POST', '/api/vm/vms/12/tags')?.body).toEqual({ tag: 'db' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove tag web' }));
    await vi.waitFor(() => expect(sent(calls, 'DELETE', '/api/vm/vms/12/tags/web')).toBeDefined());

    await userEvent.type(screen.getByRole('textbox', { name: 'New IP address' }), '10.0.0.10');
    await userEvent.type(screen.getByRole('textbox', { name: 'IP label' }), 'backup');
    await userEvent.click(screen.getByRole('button', { name: 'Add IP' }));
    await vi.waitFor(() =>
      expect(sent(calls, 'POST', '/api/vm/vms/12/ips')?.body).toEqual({ ip_address: '10.0.0.10', label: 'backup', is_primary: false }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove IP 10.0.0.9' }));
    await vi.waitFor(() => expect(sent(calls, 'DELETE', '/api/vm/vms/12/ips/7')).toBeDefined());

    await userEvent.type(screen.getByRole('textbox', { name: 'Field name' }), 'row');
    await userEvent.type(screen.getByRole('textbox', { name: 'Field value' }), '3');
    await userEvent.click(screen.getByRole('button', { name: 'Set field' }));
    await vi.waitFor(() => expect(sent(calls, 'PATCH', '/api/vm/vms/12/custom-fields')?.body).toEqual({ row: '3' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove field rack' }));
    await vi.waitFor(() => expect(sent(calls, 'PATCH', '/api/vm/vms/12/custom-fields')?.body).toEqual({ rack: null }));
  });

  it('shows the refusal of a manual IP', async () => {
    open(['editor'], { 'POST /api/vm/vms/12/ips': problem(400, 'Bad Request', undefined, [{ field: 'ip_address', message: 'is not an IP address' }]) });
    await userEvent.type(await screen.findByRole('textbox', { name: 'New IP address' }), 'nope');
    await userEvent.click(screen.getByRole('button', { name: 'Add IP' }));
    expect(await screen.findAllByText(/is not an IP address/)).not.toHaveLength(0);
  });

  it('lets an admin soft-delete with a reason', async () => {
    const calls = open(['admin'], { 'DELETE /api/vm/vms/12': () => json(view(MANUAL)) });
    expect(screen.queryByRole('button', { name: 'Restore VM' })).toBeNull();
    await userEvent.click(await screen.findByRole('button', { name: 'Delete VM' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete virtual machine' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Reason' }), 'decommissioned');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Delete VM' }));
    await vi.waitFor(() => expect(sent(calls, 'DELETE', '/api/vm/vms/12')?.url).toBe('/api/vm/vms/12?reason=decommissioned'));
  });

  it('shows a deleted VM with who deleted it, and lets an admin restore it', async () => {
    const deleted = { ...DETAIL, vm: { ...DETAIL.vm, is_deleted: true }, deleted_at: '2026-03-01T10:00:00Z', deleted_by: 'dev-admin', delete_reason: 'old' };
    const calls = open(['admin'], { 'POST /api/vm/vms/12/restore': () => json(view(MANUAL)) }, deleted);
    expect(await screen.findByText(/by dev-admin: old/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Delete VM' })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: 'Restore VM' }));
    await vi.waitFor(() => expect(sent(calls, 'POST', '/api/vm/vms/12/restore')).toBeDefined());
  });
});

describe('manual values', () => {
  it('patches only what changed, an emptied text as null', () => {
    const base = valuesOf({ project_name: 'a', environment: 'prod', version: 1 });
    expect(patchOf(base, { ...base, project_name: '  b ', environment: '' })).toEqual({ project_name: 'b', environment: null });
    expect(patchOf(base, { ...base, project_name: 'a ' })).toEqual({});
  });

  it('groups the history by sync run and time, newest first', () => {
    const steps = historySteps(DETAIL.history);
    expect(steps.map((s) => s.entries.map((e) => e.id))).toEqual([[3, 2], [1]]);
  });
});

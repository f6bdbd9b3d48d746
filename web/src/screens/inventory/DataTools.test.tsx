import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import DataTools from './DataTools';
import { renderApp, stubFetch } from '../../test/render';

const CSV = 'hostname,model,status\nsrv-1,R650,active\nsrv-2,Nope,active\nsrv-3,R650,sleeping\n';
const BACKUP = { name: 'inventory-20261203T060000Z.zip', created_at: '2026-12-03T06:00:00Z', size_bytes: 123456, sha256: 'ab'.repeat(32), schema_version: '042', rows: { site: 2, asset: 5 } };

describe('DataTools', () => {
  it('shows every bad line of a refused import with its line and column, and sends the CSV as it is', async () => {
    const calls = stubFetch({
      'POST /api/inventory/import/assets': () => new Response(JSON.stringify({
        status: 400, title: 'Bad Request', detail: '2 lines have errors',
        errors: [
          { line: 4, column: 3, field: 'status', message: 'must be one of planned, active, maintenance, offline, decommissioned' },
          { line: 3, column: 2, field: 'model', message: 'no model Nope' },
        ],
      }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } }),
    });
    renderApp(<DataTools />, { roles: ['admin'] });
    const content = await screen.findByRole('textbox', { name: /CSV content/ });
    await userEvent.click(content);
    await userEvent.paste(CSV);
    await userEvent.click(screen.getByRole('button', { name: 'Dry run' }));
    const table = await screen.findByRole('table', { name: 'Import errors' });
    const rows = within(table).getAllByRole('row').slice(1).map((r) => within(r).getAllByRole('cell').map((c) => c.textContent));
    expect(rows).toEqual([
      ['3', '2', 'model', 'no model Nope'],
      ['4', '3', 'status', 'must be one of planned, active, maintenance, offline, decommissioned'],
    ]);
    expect(screen.getByRole('alert')).toHaveTextContent('2 lines have errors');
    const call = calls.find((c) => c.init?.method === 'POST')!;
    expect(call.url).toBe('/api/inventory/import/assets?dry_run=true');
    expect(call.init?.body).toBe(CSV);
    expect((call.init?.headers as Record<string, string>)['Content-Type']).toBe('text/csv');
  });

  it('reports what an import did', async () => {
    const calls = stubFetch({
      'POST /api/inventory/import/racks': { kind: 'racks', dry_run: false, rows: 3, created: 2, updated: 1 },
    });
    renderApp(<DataTools />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('radio', { name: 'Racks' }));
    await userEvent.click(screen.getByRole('textbox', { name: /CSV content/ }));
    await userEvent.paste('name,site\nR1,dc1\n');
    await userEvent.click(screen.getByRole('button', { name: 'Import' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Imported racks: 3 rows, 2 created, 1 updated.');
    expect(calls.find((c) => c.init?.method === 'POST')!.url).toBe('/api/inventory/import/racks?dry_run=false');
  });

  it('verifies a stored backup by a restore dry run of it and shows its manifest', async () => {
    const calls = stubFetch({
      'GET /api/inventory/backups': [BACKUP],
      [`GET /api/inventory/backups/${BACKUP.name}`]: () => new Response('PK-zip', { status: 200 }),
      'POST /api/inventory/restore': { dry_run: true, schema_version: '042', rows: { site: 2, asset: 5 }, replaced: { site: 0, asset: 0 } },
    });
    renderApp(<DataTools />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('tab', { name: 'Backups' }));
    await userEvent.click(await screen.findByRole('button', { name: `Verify ${BACKUP.name}` }));
    const dialog = await screen.findByRole('dialog', { name: `Verification of ${BACKUP.name}` });
    const manifest = await within(dialog).findByRole('table', { name: 'Archive manifest' });
    expect(within(manifest).getByRole('row', { name: 'asset 5 0' })).toBeInTheDocument();
    expect(dialog).toHaveTextContent('Schema version 042');
    const restore = calls.find((c) => c.url.startsWith('/api/inventory/restore'))!;
    expect(restore.url).toBe('/api/inventory/restore?dry_run=true');
    expect((restore.init?.headers as Record<string, string>)['Content-Type']).toBe('application/zip');
  });
});

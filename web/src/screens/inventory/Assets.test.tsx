import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import Assets from './Assets';
import AssetDetail from './AssetDetail';
import { EosBadge } from './EosBadge';
import { customFieldsOf } from './AssetForm';
import { lastQuery, renderApp, stubFetch } from '../../test/render';

const ASSET = {
  id: 21, hostname: 'srv-a', asset_tag: 'A-21', serial: 'SN21', status: 'active', model_id: 4, model_name: 'R650',
  manufacturer_name: 'Dell', u_height: 2, is_full_depth: true, site_id: 2, site_name: 'DC1', rack_id: 7, rack_name: 'R07',
  position: 10, face: 'front', warranty_end: '2020-01-31', custom_fields: { cost_centre: 'CC-9', cores: 64 }, tags: ['prod'], version: 5,
};
const OLD_MODEL = { id: 4, name: 'R650', manufacturer_name: 'Dell', end_of_support: '2021-06-30' };

describe('Assets', () => {
  it('lists assets with their place and the end-of-support state of their model, filtered as the URL says', async () => {
    const calls = stubFetch({
      '/api/inventory/assets': { count: 1, results: [ASSET] },
      '/api/inventory/models': { count: 1, results: [OLD_MODEL] },
      '/api/inventory/sites': { count: 0, results: [] },
    });
    renderApp(<Assets />, { url: '/assets?status=active&category=server&tag=prod' });
    expect(await screen.findByRole('link', { name: 'srv-a' })).toHaveAttribute('href', '/assets/21');
    expect(screen.getByRole('cell', { name: 'DC1 · R07 U10–U11 front' })).toBeInTheDocument();
    expect(await screen.findByText('End of support 2021-06-30')).toBeInTheDocument();
    expect(lastQuery(calls, '/api/inventory/assets')).toEqual({ status: 'active', category: 'server', tag: 'prod', limit: '50', offset: '0' });
    expect(lastQuery(calls, '/api/inventory/models').id).toBe('4');
  });

  it('names the end-of-support state against a date: ended, within the horizon, later, unknown', () => {
    renderApp(<>
      <EosBadge endOfSupport="2026-12-03" asOf="2026-12-03" />
      <EosBadge endOfSupport="2027-01-02" asOf="2026-12-03" />
      <EosBadge endOfSupport="2028-01-01" asOf="2026-12-03" />
      <EosBadge endOfSupport={null} asOf="2026-12-03" />
    </>);
    expect(screen.getByText('End of support 2026-12-03')).toBeInTheDocument();
    expect(screen.getByText('EoS in 30 days')).toBeInTheDocument();
    expect(screen.getByText('Supported until 2028-01-01')).toBeInTheDocument();
    expect(screen.getByText('EoS unknown')).toBeInTheDocument();
  });

  it('keeps the type of unchanged custom fields and sends changed ones as text', () => {
    expect(customFieldsOf([
      { key: 'cores', value: '64', original: 64 },
      { key: 'rack_row', value: 'B', original: 'A' },
      { key: ' ', value: 'ignored' },
      { key: 'new', value: '1' },
    ])).toEqual({ cores: 64, rack_row: 'B', new: '1' });
  });

  it('shows an asset with warranty, EoS badge and custom fields, and replaces it with its version and placement', async () => {
    let sent: { body?: Record<string, unknown>; ifMatch?: string } = {};
    stubFetch({
      'GET /api/inventory/assets/21': ASSET,
      'GET /api/inventory/models/4': OLD_MODEL,
      'GET /api/inventory/models': { count: 1, results: [OLD_MODEL] },
      'GET /api/inventory/sites': { count: 1, results: [{ id: 2, name: 'DC1' }] },
      'PUT /api/inventory/assets/21': (init) => {
        sent = { body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] };
        return new Response(JSON.stringify({ ...ASSET, version: 6 }), { status: 200 });
      },
    });
    renderApp(<Routes><Route path="/assets/:id" element={<AssetDetail />} /></Routes>, { roles: ['editor'], url: '/assets/21' });
    expect(await screen.findByRole('heading', { name: 'srv-a' })).toBeInTheDocument();
    expect(screen.getByText('Warranty expired 2020-01-31')).toBeInTheDocument();
    expect(await screen.findByText('End of support 2021-06-30')).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Custom fields' })).getByRole('row', { name: 'cost_centre CC-9' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit srv-a' });
    const value = within(dialog).getByRole('textbox', { name: 'Value of custom field 1' });
    await userEvent.clear(value);
    await userEvent.type(value, 'CC-10');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(sent.ifMatch).toBe('"5"'));
    expect(sent.body).toMatchObject({
      hostname: 'srv-a', model_id: 4, rack_id: 7, position: 10, face: 'front', warranty_end: '2020-01-31',
      custom_fields: { cost_centre: 'CC-10', cores: 64 }, tags: ['prod'],
    });
  });
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import EosReport from './EosReport';
import { lastQuery, renderApp, stubFetch } from '../../test/render';

const REPORT = {
  as_of: '2026-12-03', within_days: 30, horizon: '2027-01-02',
  models: [{ model_id: 4, manufacturer: 'Dell', model: 'R650', part_number: 'R650-X', end_of_support: '2026-06-30', state: 'past', days_left: -156,
    asset_count: 3, sites: [{ site_id: 2, site_name: 'DC1', asset_count: 3, assets: [] }] }],
  unknown_end_of_support: [],
  totals: { models: 1, assets: 3, unknown_models: 0, unknown_assets: 0 },
};

describe('EosReport', () => {
  it('asks for the as-of date and horizon and lists the models with their assets per site', async () => {
    const calls = stubFetch({ 'GET /api/inventory/reports/eos': REPORT });
    renderApp(<EosReport />);
    const horizon = await screen.findByRole('textbox', { name: 'Horizon (days)' });
    await userEvent.clear(horizon);
    await userEvent.type(horizon, '30');
    const table = await screen.findByRole('table', { name: 'Models past or near end of support' });
    expect(within(table).getByRole('row', { name: /Dell R650 R650-X End of support 2026-06-30 -156 3 DC1 \(3\)/ })).toBeInTheDocument();
    await waitFor(() => expect(lastQuery(calls, '/api/inventory/reports/eos')).toMatchObject({ within_days: '30', format: 'json' }));
    expect(screen.queryByRole('button', { name: 'Send now' })).not.toBeInTheDocument();
  });

  it('sends the report now for an admin and says when nobody is configured to receive it', async () => {
    const calls = stubFetch({
      'GET /api/inventory/reports/eos': REPORT,
      'POST /api/inventory/reports/eos/notify': { event_id: 'e1', key: 'eos-report-2026-12-03', recipients: [], models: 1, assets: 3 },
    });
    renderApp(<EosReport />, { roles: ['admin'] });
    await userEvent.click(await screen.findByRole('button', { name: 'Send now' }));
    expect(await screen.findByRole('status')).toHaveTextContent('No recipients are configured');
    expect(lastQuery(calls, '/api/inventory/reports/eos/notify')).toMatchObject({ within_days: '90' });
  });
});

import { describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import Sites from './Sites';
import Racks from './Racks';
import { lastQuery, problem, renderApp, stubFetch } from '../../test/render';

const SITE = { id: 2, name: 'Berlin DC1', slug: 'berlin-dc1', status: 'active', address: 'Alexanderplatz 1', time_zone: 'Europe/Berlin', version: 1 };
const RACK = { id: 7, site_id: 2, site_name: 'Berlin DC1', name: 'R07', status: 'active', u_height: 42, starting_unit: 1, desc_units: false, width_in: 19, version: 3 };

describe('Sites', () => {
  it('lists sites with the URL filters and gives a viewer no edit controls', async () => {
    const calls = stubFetch({ '/api/inventory/sites': { count: 1, results: [SITE] } });
    renderApp(<Sites />, { roles: ['viewer'], url: '/sites?status=active&q=berlin' });
    expect(await screen.findByRole('cell', { name: 'Berlin DC1' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Europe/Berlin' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/inventory/sites')).toEqual({ q: 'berlin', status: 'active', limit: '50', offset: '0' });
    expect(screen.queryByRole('button', { name: 'New site' })).not.toBeInTheDocument();
  });

  it('creates a site for an editor with address and time zone, and shows field errors of a 400', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      'GET /api/inventory/sites': { count: 0, results: [] },
      'POST /api/inventory/sites': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return problem(400, 'Bad Request', 'invalid input', [{ field: 'time_zone', message: 'is not an IANA time zone' }])();
      },
    });
    renderApp(<Sites />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New site' }));
    const dialog = await screen.findByRole('dialog', { name: 'New site' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Name/ }), 'Hamburg');
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Address' }), 'Hafen 2');
    const zone = within(dialog).getByRole('textbox', { name: /Time zone/ });
    await userEvent.clear(zone);
    await userEvent.type(zone, 'Mars/Olympus');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create site' }));
    expect(await within(dialog).findByText('is not an IANA time zone', { selector: 'p, div' })).toBeInTheDocument();
    expect(bodies).toEqual([{ name: 'Hamburg', status: 'active', address: 'Hafen 2', time_zone: 'Mars/Olympus' }]);
  });
});

describe('Racks', () => {
  it('lists racks linking to their elevation', async () => {
    const calls = stubFetch({ '/api/inventory/racks': { count: 1, results: [RACK] }, '/api/inventory/sites': { count: 1, results: [SITE] } });
    renderApp(<Racks />, { url: '/racks?site_id=2' });
    expect(await screen.findByRole('link', { name: 'R07' })).toHaveAttribute('href', '/racks/7');
    expect(screen.getByRole('cell', { name: '42U' })).toBeInTheDocument();
    expect(lastQuery(calls, '/api/inventory/racks').site_id).toBe('2');
  });

  it('creates a 42U rack at a chosen site', async () => {
    const bodies: unknown[] = [];
    stubFetch({
      'GET /api/inventory/racks': { count: 0, results: [] },
      'GET /api/inventory/sites': { count: 1, results: [SITE] },
      'POST /api/inventory/racks': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return new Response(JSON.stringify({ ...RACK, id: 8, name: 'R08' }), { status: 201 });
      },
    });
    renderApp(<Racks />, { roles: ['editor'] });
    await userEvent.click(await screen.findByRole('button', { name: 'New rack' }));
    const dialog = await screen.findByRole('dialog', { name: 'New rack' });
    const site = within(dialog).getByRole('combobox', { name: /Site/ });
    await screen.findAllByRole('option', { name: 'Berlin DC1', hidden: true });
    await userEvent.type(site, 'Berl{ArrowDown}{Enter}');
    expect(site).toHaveValue('Berlin DC1');
    await userEvent.type(within(dialog).getByRole('textbox', { name: /^Name/ }), 'R08');
    expect(within(dialog).getByRole('textbox', { name: 'Height (U)' })).toHaveValue('42');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Create rack' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
    expect(bodies).toEqual([{ site_id: 2, name: 'R08', status: 'active', u_height: 42, starting_unit: 1, desc_units: false, width_in: 19 }]);
  });
});

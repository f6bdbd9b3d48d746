import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import RackElevation from './RackElevation';
import { rowOf } from './rackGeometry';
import { problem, renderApp, stubFetch } from '../../test/render';

const RACK = { id: 7, site_id: 2, site_name: 'Berlin DC1', name: 'R07', status: 'active', u_height: 42, starting_unit: 1, desc_units: false, version: 1 };
const SERVER = { asset_id: 11, hostname: 'srv-a', model_name: 'PowerEdge R650', model_colour: '1f77b4', position: 10, u_height: 2, face: 'front', is_full_depth: true };
const SWITCH = { asset_id: 12, hostname: 'sw-half', model_name: 'Half switch', position: 20.5, u_height: 0.5, face: 'front', is_full_depth: false };
const PDU = { asset_id: 13, asset_tag: 'PDU-7', model_name: 'Zero PDU', u_height: 0, face: null, is_full_depth: false };
const ELEVATION = {
  rack_id: 7, rack_name: 'R07', u_height: 42, starting_unit: 1, desc_units: false,
  units: [
    { unit: 21, occupants: [] }, { unit: 20, occupants: [SWITCH] },
    { unit: 11, occupants: [SERVER] }, { unit: 10, occupants: [SERVER] },
  ],
  zero_u: [PDU],
};
const UNPLACED = { count: 1, results: [{ id: 5, hostname: 'srv-new', model_name: 'PowerEdge R450', u_height: 1, is_full_depth: false, version: 3, site_id: 2 }] };

const RACK8 = { ...RACK, id: 8, name: 'R08' };
const ELEVATION8 = { ...ELEVATION, rack_id: 8, rack_name: 'R08', units: [], zero_u: [] };

function renderRack(roles: ('viewer' | 'editor')[] = ['editor'], answers: Record<string, object | ((init?: RequestInit) => Response)> = {}, url = '/racks/7') {
  const calls = stubFetch({
    'GET /api/inventory/racks/7': RACK,
    'GET /api/inventory/racks/7/elevation': ELEVATION,
    'GET /api/inventory/racks/8': RACK8,
    'GET /api/inventory/racks/8/elevation': ELEVATION8,
    'GET /api/inventory/racks': { count: 2, results: [RACK, RACK8] },
    'GET /api/inventory/assets': UNPLACED,
    ...answers,
  });
  renderApp(<Routes><Route path="/racks/:id" element={<RackElevation />} /></Routes>, { roles, url });
  return calls;
}

describe('RackElevation', () => {
  it('draws devices at their units on both faces, half-unit and zero-U ones, and the unplaced assets of the site', async () => {
    const calls = renderRack(['viewer']);
    const front = await screen.findByRole('group', { name: 'Front of rack R07' });
    const rear = screen.getByRole('group', { name: 'Rear of rack R07' });
    const server = within(front).getByText('srv-a').parentElement!;
    expect(server.style.gridRow).toBe(`${rowOf(RACK, 11.5)} / span 4`);
    expect(server).toHaveTextContent('U10–U11 front, full depth');
    expect(within(rear).getByText('srv-a')).toBeInTheDocument();
    // the model's colour from the catalogue, on the face it is mounted on; hatched grey on the other
    expect(server.style.borderColor).toBe('rgb(31, 119, 180)');
    expect(within(rear).getByText('srv-a').parentElement!.style.borderColor).not.toBe('rgb(31, 119, 180)');
    const half = within(front).getByText('sw-half').parentElement!;
    expect(half.style.gridRow).toBe(`${rowOf(RACK, 20.5)} / span 1`);
    expect(within(rear).queryByText('sw-half')).not.toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Zero-U devices' })).getByText('PDU-7')).toBeInTheDocument();
    expect(await within(screen.getByRole('region', { name: 'Unplaced assets' })).findByText('srv-new')).toBeInTheDocument();
    const unplacedCall = calls.find((c) => c.url.startsWith('/api/inventory/assets?'))!;
    expect(new URL(unplacedCall.url, 'http://x').searchParams.get('site_id')).toBe('2');
    expect(new URL(unplacedCall.url, 'http://x').searchParams.get('rack_id__empty')).toBe('true');
    expect(screen.queryByRole('button', { name: /srv-a/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Place srv-new' })).not.toBeInTheDocument();
  });

  it('lets an editor drag devices: each is a keyboard-operable button named with its units', async () => {
    renderRack();
    const front = await screen.findByRole('group', { name: 'Front of rack R07' });
    expect(within(front).getByRole('button', { name: /srv-a PowerEdge R650, U10–U11 front/ })).toHaveAttribute('aria-roledescription', 'draggable');
    const rear = screen.getByRole('group', { name: 'Rear of rack R07' });
    expect(within(rear).queryByRole('button', { name: /srv-a/ })).not.toBeInTheDocument();
  });

  it('shows the blocking asset and its units of a refused placement and leaves the asset unplaced', async () => {
    const bodies: unknown[] = [];
    renderRack(['editor'], {
      'POST /api/inventory/assets/5/placement': (init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return problem(409, 'Conflict', 'srv-new cannot take U10 of rack R07: asset 11 (srv-a) occupies U10-U11',
          [{ field: 'srv-new', message: 'cannot take U10 of rack R07: asset 11 (srv-a) occupies U10-U11' }])();
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Place srv-new' }));
    const dialog = await screen.findByRole('dialog', { name: 'Place asset' });
    await userEvent.type(within(dialog).getByRole('textbox', { name: /Lowest unit/ }), '10');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Place' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('Conflict (409)');
    expect(alert).toHaveTextContent('asset 11 (srv-a) occupies U10-U11');
    expect(bodies).toEqual([{ rack_id: 7, position: 10, face: 'front' }]);
    expect(within(screen.getByRole('region', { name: 'Unplaced assets' })).getByText('srv-new')).toBeInTheDocument();
  });

  // keyboard drags: a render per key press, slow on a busy machine
  describe('with a laid-out page', { timeout: 30_000 }, () => {
    const original = Element.prototype.getBoundingClientRect;
    const rect = (x: number, y: number, width: number, height: number) =>
      ({ x, y, left: x, top: y, width, height, right: x + width, bottom: y + height, toJSON: () => ({}) }) as DOMRect;
    beforeEach(() => {
      // jsdom lays nothing out: rack 7's front face at x 0, its rear at 300, the unplaced list at
      // 600; a second rack (8), when shown, goes between them (600 and 900; the list moves to 1200).
      Element.prototype.getBoundingClientRect = function (this: Element) {
        const slot = this.getAttribute('data-slot');
        if (slot) {
          const [face, value] = slot.split(':');
          const offset = this.closest('[data-rack]')?.getAttribute('data-rack') === '8' ? 600 : 0;
          return rect(offset + (face === 'front' ? 0 : 300), (rowOf(RACK, Number(value)) - 1) * 11, 200, 11);
        }
        const second = document.querySelector('[data-rack="8"]') !== null;
        if (this.getAttribute('aria-label') === 'Unplaced assets') return rect(second ? 1200 : 600, 0, 300, 400);
        if (this.getAttribute('data-device') === 'srv-new') return rect(610, 40, 200, 30);
        if (this.getAttribute('data-device') === 'srv-a') return rect(0, (rowOf(RACK, 11.5) - 1) * 11, 200, 44);
        return rect(0, 0, 0, 0);
      };
    });
    afterEach(() => {
      Element.prototype.getBoundingClientRect = original;
    });

    it('moves an unplaced asset into the rack with the keyboard through the placement API', async () => {
      const bodies: unknown[] = [];
      renderRack(['editor'], {
        'POST /api/inventory/assets/5/placement': (init) => {
          bodies.push(JSON.parse(String(init?.body)));
          return new Response(JSON.stringify({ id: 5 }), { status: 200 });
        },
      });
      const handle = await screen.findByRole('button', { name: /srv-new PowerEdge R450/ });
      handle.focus();
      await userEvent.keyboard('[Space]');
      await userEvent.keyboard('[ArrowLeft]');
      await userEvent.keyboard('[ArrowLeft]');
      await userEvent.keyboard('[ArrowDown]');
      await userEvent.keyboard('[Space]');
      await waitFor(() => expect(bodies).toEqual([{ rack_id: 7, position: 40, face: 'front' }]));
    });

    it('moves a device of the rack by the units its drawing is moved, and calls nothing when it is dropped where it was', async () => {
      const bodies: unknown[] = [];
      renderRack(['editor'], {
        'POST /api/inventory/assets/11/placement': (init) => {
          bodies.push(JSON.parse(String(init?.body)));
          return new Response(JSON.stringify({ id: 11 }), { status: 200 });
        },
      });
      const front = await screen.findByRole('group', { name: 'Front of rack R07' });
      const server = within(front).getByRole('button', { name: /srv-a/ });
      server.focus();
      await userEvent.keyboard('[Space]');
      await userEvent.keyboard('[Space]');
      server.focus();
      await userEvent.keyboard('[Space][ArrowUp][ArrowUp][ArrowUp][ArrowUp][Space]');
      await waitFor(() => expect(bodies).toEqual([{ rack_id: 7, position: 12, face: 'front' }]));
    });

    it('moves a multi-selection together with one bulk call, keeping the distances', async () => {
      const bodies: unknown[] = [];
      renderRack(['editor'], {
        'POST /api/inventory/assets/placements': (init) => {
          bodies.push(JSON.parse(String(init?.body)));
          return new Response(JSON.stringify([]), { status: 200 });
        },
      });
      const bulk = await screen.findByRole('region', { name: 'Bulk move' });
      await userEvent.click(within(bulk).getByRole('checkbox', { name: 'srv-a, U10–U11 front' }));
      await userEvent.click(within(bulk).getByRole('checkbox', { name: 'sw-half, U20.5 front' }));
      const server = within(screen.getByRole('group', { name: 'Front of rack R07' })).getByRole('button', { name: /srv-a/ });
      server.focus();
      await userEvent.keyboard('[Space][ArrowUp][ArrowUp][ArrowUp][ArrowUp][Space]');
      await waitFor(() => expect(bodies).toEqual([{ moves: [
        { asset_id: 11, rack_id: 7, position: 12, face: 'front' },
        { asset_id: 12, rack_id: 7, position: 22.5, face: 'front' },
      ] }]));
    });

    it('refuses a keyboard drop onto an occupied unit, naming the blocking asset, and snaps the asset back', async () => {
      renderRack(['editor'], {
        'POST /api/inventory/assets/5/placement': problem(409, 'Conflict',
          'srv-new cannot take U10 of rack R07: asset 11 (srv-a) occupies U10-U11'),
      });
      const handle = await screen.findByRole('button', { name: /srv-new PowerEdge R450/ });
      handle.focus();
      await userEvent.keyboard('[Space][ArrowLeft][ArrowLeft]');
      // from U40.5 down to U10: 61 half units
      await userEvent.keyboard('[ArrowDown]'.repeat(61));
      await userEvent.keyboard('[Space]');
      const alert = await screen.findByRole('alert');
      expect(alert).toHaveTextContent('Conflict (409)');
      expect(alert).toHaveTextContent('asset 11 (srv-a) occupies U10-U11');
      expect(within(screen.getByRole('region', { name: 'Unplaced assets' })).getByText('srv-new')).toBeInTheDocument();
      expect(within(screen.getByRole('group', { name: 'Front of rack R07' })).queryByText('srv-new')).not.toBeInTheDocument();
    });
  
    it('moves a device to the second rack shown beside it, to the unit it is drawn at', async () => {
      const bodies: unknown[] = [];
      renderRack(['editor'], {
        'POST /api/inventory/assets/11/placement': (init) => {
          bodies.push(JSON.parse(String(init?.body)));
          return new Response(JSON.stringify({ id: 11 }), { status: 200 });
        },
      }, '/racks/7?with=8');
      await screen.findByRole('group', { name: 'Front of rack R08' });
      expect(screen.getByRole('link', { name: 'Rack R08' })).toHaveAttribute('href', '/racks/8');
      const server = within(screen.getByRole('group', { name: 'Front of rack R07' })).getByRole('button', { name: /srv-a/ });
      server.focus();
      // right: rack 7's rear, then rack 8's front
      await userEvent.keyboard('[Space][ArrowRight][ArrowRight][Space]');
      await waitFor(() => expect(bodies).toEqual([{ rack_id: 8, position: 10, face: 'front' }]));
    });
  });
});

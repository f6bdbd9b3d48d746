import { describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import RateLimits from './RateLimits';
import { problem, renderApp, stubFetch } from '../test/render';

const DEFAULTS = { principal: 600, anonymous: 120, own_endpoints: 600, period_seconds: 60, stored: false, version: 0 };

describe('RateLimits', () => {
  it('shows the configured defaults and saves every limit with the version read', async () => {
    const sent: { body: Record<string, unknown>; ifMatch: string }[] = [];
    stubFetch({
      'GET /api/gateway/rate-limits': DEFAULTS,
      'PUT /api/gateway/rate-limits': (init) => {
        sent.push({ body: JSON.parse(String(init?.body)), ifMatch: (init?.headers as Record<string, string>)['If-Match'] });
        return new Response(JSON.stringify({ ...DEFAULTS, principal: 1200, stored: true, updated_by: 'dev-admin', updated_at: '2026-12-03T14:00:00Z', version: 1 }), { status: 200 });
      },
    });
    renderApp(<RateLimits />, { roles: ['admin'] });
    expect(await screen.findByText(/these are the configured defaults/)).toBeInTheDocument();
    const principal = screen.getByRole('textbox', { name: /Per user or API key/ });
    expect(principal).toHaveValue('600');
    await userEvent.clear(principal);
    await userEvent.type(principal, '1200');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate limits' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0].ifMatch).toBe('"0"');
    expect(sent[0].body).toEqual({ principal: 1200, anonymous: 120, own_endpoints: 600, period_seconds: 60 });
    expect(await screen.findByText(/Saved by dev-admin/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Rate limits saved.');
  });

  it('shows the field errors of a refused change next to their fields', async () => {
    stubFetch({
      'GET /api/gateway/rate-limits': DEFAULTS,
      'PUT /api/gateway/rate-limits': problem(400, 'Bad Request', 'Invalid rate limits',
        [{ field: 'own_endpoints', message: 'must be between 10 and 1000000' }]),
    });
    renderApp(<RateLimits />, { roles: ['admin'] });
    const own = await screen.findByRole('textbox', { name: /gateway's own API/ });
    await userEvent.clear(own);
    await userEvent.type(own, '5');
    await userEvent.click(screen.getByRole('button', { name: 'Save rate limits' }));
    expect(await screen.findByText('must be between 10 and 1000000')).toBeInTheDocument();
    expect(own).toHaveAttribute('aria-invalid', 'true');
  });
});

import { useEffect, useMemo, useState } from 'react';
import { type CSSVariablesResolver, MantineProvider, Modal, Notification, createTheme } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import { AuthContext } from './auth/AuthContext';
import type { Session } from './auth/session';
import { ApiError } from './api/client';
import { App } from './App';
import { LiveUpdates } from './live/LiveUpdates';

// primaryShade 8: links and buttons keep a 4.5:1 contrast (axe). Close buttons (toasts, dialogs)
// carry an accessible name unless a component gives its own.
export const theme = createTheme({
  // People who ask their system for less motion get no transitions (toasts, dialogs, menus).
  respectReducedMotion: true,
  primaryColor: 'blue',
  primaryShade: 8,
  components: {
    Notification: Notification.extend({
      defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss' } },
      styles: { description: { color: 'var(--mantine-color-dimmed)' } },
    }),
    Modal: Modal.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } }),
  },
});

// Mantine's light "dimmed" (gray 6, also a toast's text under its title) has 3.3:1 on white and
// its placeholder colour (gray 5) less; gray 7 keeps the 4.5:1 of WCAG AA (axe).
const cssVariables: CSSVariablesResolver = (t) => ({
  variables: {},
  light: { '--mantine-color-dimmed': t.colors.gray[7], '--mantine-color-placeholder': t.colors.gray[7] },
  dark: {},
});

export function queryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
      },
    },
  });
}

interface Props {
  /** The query cache, created at start-up so that the landing screen's data can be prefetched. */
  client: QueryClient;
  initial: Session;
  subscribe: (listener: (s: Session) => void) => () => void;
  logout: () => void;
}

/** Providers around the app: theme, toasts, server state, live updates, router and the session. */
export function Root({ client, initial, subscribe, logout }: Props) {
  const [session, setSession] = useState(initial);
  useEffect(() => subscribe(setSession), [subscribe]);
  const auth = useMemo(() => ({ session, logout }), [session, logout]);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <Notifications position="bottom-right" limit={5} />
      <QueryClientProvider client={client}>
        <AuthContext.Provider value={auth}>
          <LiveUpdates />
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </AuthContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}

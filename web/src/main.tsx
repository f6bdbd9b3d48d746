import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './config';
import { currentUser, landingPath, login, sessionOf, userManager, type Session } from './auth/session';
import { configureTransport } from './api/client';
import { Root, queryClient } from './Root';
import { preloadScreen } from './preload';
import { LANDING_SCREENS } from './App';

/**
 * Start-up: load the landing screen's chunk, read the login settings, finish or start the login,
 * prefetch the screen's first data, then render the app.
 */
async function start(): Promise<void> {
  const element = document.getElementById('root')!;
  const prefetch = preloadScreen(LANDING_SCREENS, landingPath());
  const manager = userManager(await loadConfig());
  const { user, returnTo } = await currentUser(manager);
  if (!user) {
    await login(manager);
    return;
  }
  const client = queryClient();
  if (returnTo) window.history.replaceState(null, '', returnTo);
  let session: Session = sessionOf(user);
  const listeners = new Set<(s: Session) => void>();
  manager.events.addUserLoaded((renewed) => {
    session = sessionOf(renewed);
    listeners.forEach((l) => l(session));
  });
  manager.events.addSilentRenewError(() => void login(manager));
  configureTransport({ token: () => session.accessToken, onUnauthorized: () => void login(manager) });
  prefetch(client);
  createRoot(element).render(
    <StrictMode>
      <Root
        client={client}
        initial={session}
        subscribe={(l) => {
          listeners.add(l);
          return () => listeners.delete(l);
        }}
        logout={() => void manager.signoutRedirect()}
      />
    </StrictMode>,
  );
}

start().catch((error: unknown) => {
  const element = document.getElementById('root')!;
  element.textContent = `The application could not start: ${String(error)}`;
});

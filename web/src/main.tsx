import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { loadConfig } from './config';
import { currentUser, login, sessionOf, userManager, type Session } from './auth/session';
import { configureTransport } from './api/client';
import { Root } from './Root';

/** Start-up: read the login settings, finish or start the login, then render the app. */
async function start(): Promise<void> {
  const element = document.getElementById('root')!;
  const manager = userManager(await loadConfig());
  const { user, returnTo } = await currentUser(manager);
  if (!user) {
    await login(manager);
    return;
  }
  if (returnTo) window.history.replaceState(null, '', returnTo);
  let session: Session = sessionOf(user);
  const listeners = new Set<(s: Session) => void>();
  manager.events.addUserLoaded((renewed) => {
    session = sessionOf(renewed);
    listeners.forEach((l) => l(session));
  });
  manager.events.addSilentRenewError(() => void login(manager));
  configureTransport({ token: () => session.accessToken, onUnauthorized: () => void login(manager) });
  createRoot(element).render(
    <StrictMode>
      <Root
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

import { User, UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { AppConfig } from '../config';
import { rolesOf, type Role } from './roles';

/** Where Keycloak sends the browser back with the authorization code. */
export const CALLBACK_PATH = '/auth/callback';

/** The logged-in person as the app needs it. */
export interface Session {
  username: string;
  name: string;
  roles: Role[];
  accessToken: string;
}

export function sessionOf(user: User): Session {
  const profile = user.profile;
  return {
    username: String(profile.preferred_username ?? profile.sub),
    name: String(profile.name ?? profile.preferred_username ?? profile.sub),
    roles: rolesOf(user.access_token),
    accessToken: user.access_token,
  };
}

/**
 * Login at Keycloak: authorization code with PKCE (oidc-client-ts does both), tokens kept in
 * sessionStorage, renewed in the background with the refresh token before they expire.
 */
export function userManager(config: AppConfig, origin = window.location.origin): UserManager {
  return new UserManager({
    authority: config.authority,
    client_id: config.client_id,
    redirect_uri: origin + CALLBACK_PATH,
    post_logout_redirect_uri: origin + '/',
    response_type: 'code',
    scope: 'openid profile email',
    automaticSilentRenew: true,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

const RETURN_TO = 'infra.return-to';

/** Sends the browser to Keycloak, coming back to the current page. */
export function login(manager: UserManager): Promise<void> {
  const here = window.location.pathname + window.location.search;
  const returnTo = here.startsWith(CALLBACK_PATH) ? '/' : here;
  window.sessionStorage.setItem(RETURN_TO, returnTo);
  return manager.signinRedirect({ state: { returnTo } });
}

/**
 * The page the app is about to show, known before the login completes: on the callback page, the
 * one the login started from; elsewhere, the current one.
 */
export function landingPath(): string {
  if (window.location.pathname === CALLBACK_PATH) return window.sessionStorage.getItem(RETURN_TO) ?? '/';
  return window.location.pathname + window.location.search;
}

/**
 * Completes a login on the callback page, or finds the stored one (renewing it when expired).
 *
 * @returns the user, or null when a login at Keycloak has to start
 */
export async function currentUser(manager: UserManager): Promise<{ user: User | null; returnTo?: string }> {
  if (window.location.pathname === CALLBACK_PATH) {
    const user = await manager.signinRedirectCallback();
    const state = user.state as { returnTo?: string } | undefined;
    return { user, returnTo: state?.returnTo ?? '/' };
  }
  const stored = await manager.getUser();
  if (stored && !stored.expired) return { user: stored };
  if (stored?.refresh_token) {
    try {
      return { user: await manager.signinSilent() };
    } catch {
      await manager.removeUser();
    }
  }
  return { user: null };
}

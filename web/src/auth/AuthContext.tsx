import { createContext, useContext } from 'react';
import type { Session } from './session';

/** The session and what to do with it, provided by main.tsx (and by tests). */
export interface Auth {
  session: Session;
  logout: () => void;
}

export const AuthContext = createContext<Auth | null>(null);

export function useAuth(): Auth {
  const auth = useContext(AuthContext);
  if (!auth) throw new Error('useAuth outside AuthContext');
  return auth;
}

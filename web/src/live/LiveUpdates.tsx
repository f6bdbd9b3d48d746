import { useEffect, useRef } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useAuth } from '../auth/AuthContext';
import { connectLive, type LiveEvent, type LiveOptions } from './connection';

/**
 * Query keys an event makes stale: every `vm.*` event refreshes the VM lists, the named VM's
 * detail and the dashboard (all under `['vm']`); other services' events their own prefix.
 */
export function invalidate(client: QueryClient, event: LiveEvent): void {
  const service = event.type.split('.')[0];
  void client.invalidateQueries({ queryKey: [service] });
}

/** `vm.vm.updated` of subject 12 → "VM 12 updated". */
export function describe(event: LiveEvent): string {
  const parts = event.type.split('.');
  const entity = parts.length > 2 ? parts[1].replace('_', ' ') : parts[0];
  const label = entity === 'vm' ? 'VM' : entity.charAt(0).toUpperCase() + entity.slice(1);
  return `${label}${event.subject ? ` ${event.subject}` : ''} ${parts.at(-1)}`;
}

/**
 * Keeps one live connection while the user is logged in: refreshes cached queries on each event
 * and shows it in the toast feed; a `reset` refreshes everything.
 */
export function LiveUpdates({ createSocket }: { createSocket?: LiveOptions['createSocket'] }) {
  const client = useQueryClient();
  const { session } = useAuth();
  const token = useRef(session.accessToken);
  token.current = session.accessToken;
  useEffect(() => {
    const live = connectLive({
      token: () => token.current,
      createSocket,
      onEvent: (event) => {
        invalidate(client, event);
        notifications.show({ title: 'Change', message: describe(event), autoClose: 4000 });
      },
      onReset: () => void client.invalidateQueries(),
    });
    return live.close;
  }, [client, createSocket]);
  return null;
}

import { describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { connectLive, MAX_BACKOFF_MS, MIN_BACKOFF_MS, type LiveEvent } from './connection';
import { describe as describeEvent, invalidate } from './LiveUpdates';

/** A WebSocket stand-in: records its URL, lets the test open, deliver and close. */
class FakeSocket {
  onopen: (() => void) | null = null;
  onmessage: ((m: { data: string }) => void) | null = null;
  onclose: (() => void) | null = null;
  closed = false;
  constructor(readonly url: string) {}
  close() {
    this.closed = true;
    this.onclose?.();
  }
  deliver(message: object) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

function harness(token = 'tok') {
  const sockets: FakeSocket[] = [];
  const timers: { run: () => void; ms: number }[] = [];
  const events: LiveEvent[] = [];
  const onReset = vi.fn();
  const live = connectLive({
    base: 'ws://gw',
    token: () => token,
    onEvent: (e) => events.push(e),
    onReset,
    createSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      return s as unknown as WebSocket;
    },
    schedule: (run, ms) => timers.push({ run, ms }),
    cancel: () => undefined,
  });
  return { sockets, timers, events, onReset, live };
}

const EVENT = { kind: 'event', id: 'e1', type: 'vm.vm.updated', subject: '12', cursor: 'ab-7' };

describe('live connection', () => {
  it('connects once with the token through the gateway', () => {
    const { sockets } = harness();
    expect(sockets).toHaveLength(1);
    expect(sockets[0].url).toBe('ws://gw/api/realtime/ws?access_token=tok');
  });

  it('hands events on and ignores control messages and garbage', () => {
    const { sockets, events } = harness();
    sockets[0].deliver({ kind: 'subscribed', types: ['*'], subjects: [], cursor: 'ab-6' });
    sockets[0].deliver(EVENT);
    sockets[0].onmessage?.({ data: 'not json' });
    expect(events).toEqual([EVENT]);
  });

  it('reconnects with backoff and resumes from the last cursor', () => {
    const { sockets, timers } = harness();
    sockets[0].onopen?.();
    sockets[0].deliver(EVENT);
    sockets[0].onclose?.();
    expect(timers.map((t) => t.ms)).toEqual([MIN_BACKOFF_MS]);
    timers[0].run();
    expect(sockets[1].url).toBe('ws://gw/api/realtime/ws?access_token=tok&resume_from=ab-7');
    sockets[1].onclose?.();
    timers[1].run();
    sockets[2].onclose?.();
    expect(timers.map((t) => t.ms)).toEqual([1000, 2000, 4000]);
    for (let i = 0; i < 10; i++) {
      timers.at(-1)!.run();
      sockets.at(-1)!.onclose?.();
    }
    expect(timers.at(-1)!.ms).toBe(MAX_BACKOFF_MS);
    timers.at(-1)!.run();
    sockets.at(-1)!.onopen?.();
    sockets.at(-1)!.onclose?.();
    expect(timers.at(-1)!.ms).toBe(MIN_BACKOFF_MS);
  });

  it('reports a reset and continues from its cursor', () => {
    const { sockets, timers, onReset } = harness();
    sockets[0].deliver({ kind: 'reset', reason: 'gone', cursor: 'cd-1' });
    expect(onReset).toHaveBeenCalledOnce();
    sockets[0].onclose?.();
    timers[0].run();
    expect(sockets[1].url).toContain('resume_from=cd-1');
  });

  it('does not reconnect after close()', () => {
    const { sockets, timers, live } = harness();
    live.close();
    expect(sockets[0].closed).toBe(true);
    expect(timers).toHaveLength(0);
  });
});

describe('live cache refresh', () => {
  it('invalidates the VM list, detail and dashboard queries on a vm.* event', async () => {
    const client = new QueryClient();
    client.setQueryData(['vm', 'vms', { limit: 50 }], { count: 1 });
    client.setQueryData(['vm', 'vms', 12], { vm: {} });
    client.setQueryData(['vm', 'stats'], {});
    client.setQueryData(['gateway', 'keys'], {});
    invalidate(client, EVENT as LiveEvent);
    const stale = client.getQueryCache().getAll().filter((q) => q.isStale()).map((q) => q.queryKey[0]);
    expect(stale).toEqual(['vm', 'vm', 'vm']);
  });

  it('describes an event for the toast feed', () => {
    expect(describeEvent(EVENT as LiveEvent)).toBe('VM 12 updated');
  });
});

'use client';

import type {
  ChangesEvent,
  ClusterScoreEvent,
  ClusterStatusEvent,
  SnapshotStoredEvent,
} from '@palisade/api-contract';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import { addNotices, exposureNotices, type ExposureNotice } from './exposure-notices';
import { openLiveSocket, type ConnectionState } from './live-socket';

export type { ConnectionState } from './live-socket';

/** What a component can listen to. `resync` fires after a reconnect: re-read what may be stale. */
export interface LiveListener {
  readonly score?: (event: ClusterScoreEvent) => void;
  readonly status?: (event: ClusterStatusEvent) => void;
  readonly changes?: (event: ChangesEvent) => void;
  readonly stored?: (event: SnapshotStoredEvent) => void;
  readonly resync?: () => void;
}

interface LiveContextValue {
  readonly clusterId: string;
  readonly connection: ConnectionState;
  readonly notices: readonly ExposureNotice[];
  readonly dismiss: (key: string) => void;
  readonly listen: (listener: LiveListener) => () => void;
}

const LiveContext = createContext<LiveContextValue | null>(null);

/**
 * One live connection (see live-socket) for the cluster's pages; a reconnection tells listeners
 * to resync, since events may have been missed while it was down.
 */
export function LiveProvider({
  clusterId,
  children,
}: {
  readonly clusterId: string;
  readonly children: ReactNode;
}) {
  const [connection, setConnection] = useState<ConnectionState>('connecting');
  const [notices, setNotices] = useState<readonly ExposureNotice[]>([]);
  const listeners = useRef(new Set<LiveListener>());

  useEffect(() => {
    const each = (call: (listener: LiveListener) => void) => listeners.current.forEach(call);
    return openLiveSocket([clusterId], {
      connection: setConnection,
      resync: () => each((l) => l.resync?.()),
      event: (live) => {
        switch (live.name) {
          case 'cluster:score':
            return each((l) => l.score?.(live.event));
          case 'cluster:status':
            return each((l) => l.status?.(live.event));
          case 'snapshot:stored':
            return each((l) => l.stored?.(live.event));
          case 'cluster:changes': {
            const raised = exposureNotices(live.event);
            if (raised.length > 0) setNotices((current) => addNotices(current, raised));
            return each((l) => l.changes?.(live.event));
          }
        }
      },
    });
  }, [clusterId]);

  const listen = useCallback((listener: LiveListener) => {
    listeners.current.add(listener);
    return () => {
      listeners.current.delete(listener);
    };
  }, []);
  const dismiss = useCallback(
    (key: string) => setNotices((current) => current.filter((n) => n.key !== key)),
    [],
  );
  const value = useMemo(
    () => ({ clusterId, connection, notices, dismiss, listen }),
    [clusterId, connection, notices, dismiss, listen],
  );
  return <LiveContext.Provider value={value}>{children}</LiveContext.Provider>;
}

export function useLive(): LiveContextValue {
  const value = useContext(LiveContext);
  if (!value) throw new Error('useLive must be used inside a LiveProvider');
  return value;
}

/** Subscribes a listener for the component's lifetime; the latest callbacks are always used. */
export function useLiveEvents(listener: LiveListener): void {
  const { listen } = useLive();
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(
    () =>
      listen({
        score: (e) => latest.current.score?.(e),
        status: (e) => latest.current.status?.(e),
        changes: (e) => latest.current.changes?.(e),
        stored: (e) => latest.current.stored?.(e),
        resync: () => latest.current.resync?.(),
      }),
    [listen],
  );
}

/** GET a JSON document of the API from the browser (same origin, through the proxy). */
export async function fetchJson<T>(
  path: string,
  check: (body: unknown) => body is T,
): Promise<T | undefined> {
  try {
    const response = await fetch(path, { headers: { accept: 'application/json' } });
    if (!response.ok) return undefined;
    const body: unknown = await response.json();
    return check(body) ? body : undefined;
  } catch {
    // The connection indicator already says the API is away; the next resync tries again.
    return undefined;
  }
}

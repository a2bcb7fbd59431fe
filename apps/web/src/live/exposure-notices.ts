import type { ChangesEvent } from '@palisade/api-contract';

/** A workload that has just become reachable from the internet or from every namespace. */
export interface ExposureNotice {
  /** `namespace/Kind/name`. */
  readonly key: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
  readonly at: string;
}

/**
 * The notices a `cluster:changes` event raises: WORKLOAD_EXPOSED, and a workload added
 * unprotected that is exposed from the start. Only live events count: the stored ones repeat
 * what was already pushed live when the snapshot is written.
 */
export function exposureNotices(event: ChangesEvent): ExposureNotice[] {
  if (event.source !== 'live') return [];
  const notices: ExposureNotice[] = [];
  for (const change of event.changes) {
    const exposedNow =
      change.kind === 'WORKLOAD_EXPOSED' ||
      (change.kind === 'WORKLOAD_ADDED_UNPROTECTED' && change.details['exposed'] === true);
    if (!exposedNow || !change.namespace || !change.workload) continue;
    // The API names a workload `Kind/name` within its namespace.
    const slash = change.workload.indexOf('/');
    const kind = slash > 0 ? change.workload.slice(0, slash) : '';
    const name = slash > 0 ? change.workload.slice(slash + 1) : change.workload;
    notices.push({
      key: `${change.namespace}/${kind}/${name}`,
      namespace: change.namespace,
      kind,
      name,
      at: change.at,
    });
  }
  return notices;
}

/** Newest first, one notice per workload, at most `max`. */
export function addNotices(
  current: readonly ExposureNotice[],
  added: readonly ExposureNotice[],
  max = 5,
): ExposureNotice[] {
  const fresh = [...added].reverse();
  const keys = new Set(fresh.map((n) => n.key));
  return [...fresh, ...current.filter((n) => !keys.has(n.key))].slice(0, max);
}

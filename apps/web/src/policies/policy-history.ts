import type { PolicyDetail } from '@palisade/api-contract';

/** One moment in a policy's life, as the timeline tells it. */
export type PolicyEvent =
  /** First seen; `at` is null when the snapshot it appeared in is no longer stored. */
  | { readonly kind: 'appeared'; readonly at: string | null; readonly seq: number }
  /** A new version replaced the previous one in the same snapshot. */
  | { readonly kind: 'changed'; readonly at: string | null; readonly seq: number }
  | { readonly kind: 'disappeared'; readonly at: string | null; readonly seq: number }
  /** Created again after it had been deleted. */
  | { readonly kind: 'reappeared'; readonly at: string | null; readonly seq: number };

/**
 * The API lists a policy's versions oldest first, each valid from one snapshot (`fromSeq`) until
 * another (`toSeq`, exclusive; null while current). A version that ends where the next begins was
 * changed; a gap between them means the policy was deleted and created again.
 */
export function describeHistory(history: PolicyDetail['history']): PolicyEvent[] {
  const events: PolicyEvent[] = [];
  history.forEach((version, i) => {
    const previous = history[i - 1];
    if (previous === undefined) {
      events.push({ kind: 'appeared', at: version.from, seq: version.fromSeq });
    } else if (previous.toSeq === version.fromSeq) {
      events.push({ kind: 'changed', at: version.from, seq: version.fromSeq });
    } else {
      if (previous.toSeq !== null) {
        events.push({ kind: 'disappeared', at: previous.to, seq: previous.toSeq });
      }
      events.push({ kind: 'reappeared', at: version.from, seq: version.fromSeq });
    }
  });
  const last = history.at(-1);
  if (last !== undefined && last.toSeq !== null) {
    events.push({ kind: 'disappeared', at: last.to, seq: last.toSeq });
  }
  return events;
}

const verbs: Record<PolicyEvent['kind'], string> = {
  appeared: 'Appeared',
  changed: 'Changed',
  disappeared: 'Disappeared',
  reappeared: 'Appeared again',
};

/** "Appeared 2026-01-02 10:00 UTC (snapshot 3)"; a time no longer stored says so. */
export function eventText(event: PolicyEvent): string {
  const when = event.at === null ? 'before the oldest stored snapshot' : formatUtc(event.at);
  return `${verbs[event.kind]} ${event.at === null ? '' : 'at '}${when} (snapshot ${event.seq})`;
}

/** The same text on the server and in every browser: UTC, to the minute. */
export function formatUtc(iso: string): string {
  return `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

import type { ChangeItem } from '@palisade/api-contract';

/**
 * The timeline reads by day, and within a day by snapshot: the events a snapshot recorded
 * happened together, between it and the one before.
 */
export interface SnapshotGroup<T> {
  readonly seq: number;
  readonly at: string;
  readonly items: readonly T[];
}

export interface DayGroup<T> {
  /** `YYYY-MM-DD`, UTC: the same day on the server and in every browser. */
  readonly day: string;
  readonly snapshots: readonly SnapshotGroup<T>[];
}

export const utcDay = (iso: string): string => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso.slice(0, 10) : date.toISOString().slice(0, 10);
};

/** Keeps the API's order (newest first); consecutive events of a day and a snapshot share a group. */
export function groupByDay<T extends Pick<ChangeItem, 'at' | 'seq'>>(
  items: readonly T[],
): DayGroup<T>[] {
  const days: { day: string; snapshots: { seq: number; at: string; items: T[] }[] }[] = [];
  for (const item of items) {
    const day = utcDay(item.at);
    let current = days.at(-1);
    if (current?.day !== day) {
      current = { day, snapshots: [] };
      days.push(current);
    }
    let snapshot = current.snapshots.at(-1);
    if (snapshot?.seq !== item.seq) {
      snapshot = { seq: item.seq, at: item.at, items: [] };
      current.snapshots.push(snapshot);
    }
    snapshot.items.push(item);
  }
  return days;
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2026-11-27` -> `Friday 27 November 2026`, in UTC. Spelt out by hand: Intl's output differs
 * between ICU versions, and the server's and the browser's text must match.
 */
export function dayHeading(day: string, today: string): string {
  if (day === today) return 'Today';
  const yesterday = new Date(Date.parse(`${today}T00:00:00.000Z`) - 86_400_000)
    .toISOString()
    .slice(0, 10);
  if (day === yesterday) return 'Yesterday';
  const date = new Date(`${day}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return day;
  return `${WEEKDAYS[date.getUTCDay()]} ${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

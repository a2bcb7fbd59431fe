import type { ClusterItem, ClusterStatus } from '@palisade/api-contract';

/** How a status reads and looks; `satisfies` makes a new status fail compilation until it is described. */
export type Tone = 'good' | 'neutral' | 'warning' | 'bad';

const statuses = {
  ok: { label: 'Connected', tone: 'good' },
  connecting: { label: 'Connecting', tone: 'neutral' },
  degraded: { label: 'Degraded', tone: 'warning' },
  unreachable: { label: 'Unreachable', tone: 'bad' },
  unauthorized: { label: 'Credentials rejected', tone: 'bad' },
  forbidden: { label: 'Permission denied', tone: 'bad' },
} as const satisfies Record<ClusterStatus, { readonly label: string; readonly tone: Tone }>;

export function statusOf(status: ClusterStatus): { readonly label: string; readonly tone: Tone } {
  // The API may learn a status before this dashboard does: show it rather than crash.
  return (
    (statuses as Record<string, { label: string; tone: Tone } | undefined>)[status] ?? {
      label: status,
      tone: 'neutral',
    }
  );
}

/** The cluster score, or why there is none. */
export function scoreOf(
  cluster: Pick<ClusterItem, 'score' | 'lastSnapshotAt'>,
):
  | { readonly kind: 'score'; readonly value: number; readonly tone: Tone }
  | { readonly kind: 'none'; readonly text: string } {
  if (cluster.score !== null)
    return { kind: 'score', value: cluster.score, tone: scoreTone(cluster.score) };
  return {
    kind: 'none',
    text: cluster.lastSnapshotAt === null ? 'no snapshot yet' : 'no pods to score',
  };
}

function scoreTone(score: number): Tone {
  if (score >= 80) return 'good';
  if (score >= 50) return 'warning';
  return 'bad';
}

/** `2025-03-04T05:06:07.000Z` -> `2025-03-04 05:06 UTC`: the same text on the server and in every browser. */
export function formatTimestamp(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** 300 -> `every 5 min`. */
export function formatInterval(seconds: number): string {
  if (seconds % 3600 === 0) return `every ${seconds / 3600} h`;
  if (seconds % 60 === 0) return `every ${seconds / 60} min`;
  return `every ${seconds} s`;
}

export const sourceLabels: Record<ClusterItem['source'], string> = {
  kubeconfig: 'kubeconfig',
  'in-cluster': 'in-cluster',
  demo: 'demo cluster',
  stored: 'added through the API',
};

/**
 * The isolation score, in one place (docs/scores.md). Every figure Palisade shows derives
 * from this function; the dashboard prints SCORE_FORMULA beside it.
 */
export const SCORE_FORMULA = [
  'For each pod P (other pods = every pod in the cluster but P):',
  '  ingress = 0 if P is not ingress-isolated, else 1 - reachableFrom / otherPods, halved if an internet address can reach P',
  '  egress  = 0 if P is not egress-isolated,  else 1 - reachableTo / otherPods, x0.75 if P can reach an internet address',
  '  score   = round(100 x (0.7 x ingress + 0.3 x egress))',
  'Workload, namespace and cluster scores are the means of their pods\u2019 scores.',
].join('\n');

export interface ScoreInput {
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  readonly reachableFrom: number;
  readonly reachableTo: number;
  readonly otherPods: number;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
}

export interface PodScore {
  readonly ingress: number;
  readonly egress: number;
  readonly score: number;
}

function share(count: number, otherPods: number): number {
  // With no other pod in the cluster, nobody can reach P: the isolated direction is perfect.
  return otherPods === 0 ? 0 : count / otherPods;
}

export function scorePod(input: ScoreInput): PodScore {
  const ingress = input.ingressIsolated
    ? (1 - share(input.reachableFrom, input.otherPods)) * (input.internetIngress ? 0.5 : 1)
    : 0;
  const egress = input.egressIsolated
    ? (1 - share(input.reachableTo, input.otherPods)) * (input.internetEgress ? 0.75 : 1)
    : 0;
  // Rounded at 1e-9 first so 57.49999999 (0.575 in floating point) rounds as a person would: 58.
  const raw = 100 * (0.7 * ingress + 0.3 * egress);
  return { ingress, egress, score: Math.round(Math.round(raw * 1e9) / 1e9) };
}

/** Mean of scores, rounded to one decimal; null for an empty list. */
export function meanScore(scores: readonly number[]): number | null {
  if (scores.length === 0) return null;
  let sum = 0;
  for (const s of scores) sum += s;
  return Math.round((sum / scores.length) * 10) / 10;
}

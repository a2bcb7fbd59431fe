/**
 * The isolation score, in one place (docs/scores.md). Every figure Palisade shows derives
 * from this function; the dashboard prints SCORE_FORMULA beside it.
 */
export const SCORE_FORMULA = [
  'For each pod P (other pods = every pod in the cluster but P):',
  '  ingress = 0 if P is not ingress-isolated, else 1 - reachableFrom / otherPods, halved if an internet address can reach P',
  '  egress  = 0 if P is not egress-isolated,  else 1 - reachableTo / otherPods, x0.75 if P can reach an internet address',
  '  score   = round(100 x (0.7 x ingress + 0.3 x egress))',
  'A peer allowed only for some requests or names (L7 rules, DNS names) counts half, and so does such an internet path (x0.75, x0.875).',
  'Workload, namespace and cluster scores are the means of their pods\u2019 scores.',
].join('\n');

export interface ScoreInput {
  readonly ingressIsolated: boolean;
  readonly egressIsolated: boolean;
  /** Every peer that can connect, for every request or only for some. */
  readonly reachableFrom: number;
  readonly reachableTo: number;
  readonly otherPods: number;
  readonly internetIngress: boolean;
  readonly internetEgress: boolean;
  /** Of those, the peers (and internet paths) allowed only for some requests or names. */
  readonly reachableFromConditional?: number;
  readonly reachableToConditional?: number;
  readonly internetIngressConditional?: boolean;
  readonly internetEgressConditional?: boolean;
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

/** The internet factor: the full penalty, half of it for a conditional path, none without a path. */
function internetFactor(reachable: boolean, conditional: boolean | undefined, penalty: number): number {
  if (!reachable) return 1;
  return conditional ? 1 - (1 - penalty) / 2 : penalty;
}

export function scorePod(input: ScoreInput): PodScore {
  // A conditional peer counts half: it can connect, but only some of its requests pass.
  const from = input.reachableFrom - (input.reachableFromConditional ?? 0) / 2;
  const to = input.reachableTo - (input.reachableToConditional ?? 0) / 2;
  const ingress = input.ingressIsolated
    ? (1 - share(from, input.otherPods)) * internetFactor(input.internetIngress, input.internetIngressConditional, 0.5)
    : 0;
  const egress = input.egressIsolated
    ? (1 - share(to, input.otherPods)) * internetFactor(input.internetEgress, input.internetEgressConditional, 0.75)
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

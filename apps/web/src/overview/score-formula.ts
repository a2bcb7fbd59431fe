/**
 * The text of SCORE_FORMULA in libs/policy-engine/src/lib/score.ts, which the dashboard may not
 * import (apps/web depends only on @palisade/api-contract). Keep the two in step.
 */
export const SCORE_FORMULA = [
  'For each pod P (other pods = every pod in the cluster but P):',
  '  ingress = 0 if P is not ingress-isolated, else 1 - reachableFrom / otherPods, halved if an internet address can reach P',
  '  egress  = 0 if P is not egress-isolated,  else 1 - reachableTo / otherPods, x0.75 if P can reach an internet address',
  '  score   = round(100 x (0.7 x ingress + 0.3 x egress))',
  'Workload, namespace and cluster scores are the means of their pods\u2019 scores.',
].join('\n');

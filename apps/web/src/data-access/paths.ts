/** Paths of the API and the dashboard, pure: safe for the browser bundle too. */

/** The path of a workload under a cluster: `/workloads/:namespace/:kind/:name`. */
export function workloadPath(ref: {
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
}): string {
  return `/workloads/${[ref.namespace, ref.kind, ref.name].map(encodeURIComponent).join('/')}`;
}

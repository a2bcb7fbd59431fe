import { describeEntryPoint, type EntryPointItem, type WorkloadDetail } from '@palisade/api-contract';
import shared from '../components/dashboard.module.css';

const EXPOSURE_WORDS: Record<WorkloadDetail['internetExposure'], string> = {
  published: 'The internet reaches it: some entry point below leads to its pods and every policy on the way admits the traffic.',
  'policy-only': 'Its policies would admit the internet, but no entry point leads to its pods.',
  none: 'Its policies admit no internet address.',
};

/** Why a door is closed, in words, by its kind: which hop the policies refuse. */
function closedBecause(entry: EntryPointItem): string {
  if (entry.kind === 'Ingress' || entry.kind === 'Gateway') {
    return `the policies do not let ${entry.controller ?? 'the proxy'} reach port ${entry.targetPort}`;
  }
  return `the policies refuse the traffic on port ${entry.targetPort}`;
}

/**
 * The doors from the internet to the workload's pods (docs/entry-points.md): load balancers,
 * node ports, external IPs, host ports and networks, Ingresses and Gateways through their
 * proxies, each open or closed by the policies along the path.
 */
export function EntryPointsSection({ workload }: { readonly workload: Pick<WorkloadDetail, 'internetExposure' | 'entryPoints'> }) {
  return (
    <section aria-labelledby="entry-points-title" className={shared.section} data-exposure={workload.internetExposure}>
      <h2 id="entry-points-title">Entry points from the internet</h2>
      <p className={shared.muted}>{EXPOSURE_WORDS[workload.internetExposure]}</p>
      {workload.entryPoints.length === 0 ? null : (
        <table className={shared.table}>
          <caption className="visually-hidden">Entry points leading to the workload&apos;s pods</caption>
          <thead>
            <tr>
              <th scope="col">Entry point</th>
              <th scope="col">To pod port</th>
              <th scope="col">Policies</th>
            </tr>
          </thead>
          <tbody>
            {workload.entryPoints.map((entry) => (
              <tr key={`${describeEntryPoint(entry)}:${entry.targetPort}`} data-entry={entry.kind} data-admitted={entry.admitted}>
                <th scope="row">
                  {describeEntryPoint(entry)}
                  {entry.controller ? <span className={shared.muted}> via {entry.controller}</span> : null}
                </th>
                <td>
                  {entry.targetPort}/{entry.protocol}
                </td>
                <td>
                  {entry.admitted ? (
                    <span className={shared.pill} data-tone={entry.conditional ? 'warning' : 'bad'}>
                      {entry.conditional ? 'Open for some requests' : 'Open'}
                    </span>
                  ) : (
                    <>
                      <span className={shared.pill} data-tone="good">
                        Closed
                      </span>{' '}
                      <span className={shared.muted}>{closedBecause(entry)}</span>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

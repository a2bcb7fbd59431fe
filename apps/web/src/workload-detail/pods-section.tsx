import type { WorkloadPod } from '@palisade/api-contract';
import shared from '../components/dashboard.module.css';
import styles from './workload-detail.module.css';

export function PodsSection({ pods }: { readonly pods: readonly WorkloadPod[] }) {
  return (
    <section aria-labelledby="pods-title" className={`${shared.section} ${shared.wide}`}>
      <h2 id="pods-title">Pods</h2>
      {pods.length === 0 ? (
        <p className={shared.muted}>
          No pod belongs to this workload. Scale it up (or check its controller&apos;s events) to
          see its pods here.
        </p>
      ) : (
        <div className={shared.tableScroll}>
          <table className={shared.table} data-testid="pods-table">
            <caption className="visually-hidden">The workload&apos;s pods</caption>
            <thead>
              <tr>
                <th scope="col">Pod</th>
                <th scope="col">IPs</th>
                <th scope="col">Phase</th>
                <th scope="col">Node</th>
                <th scope="col">Ports</th>
                <th scope="col">Labels</th>
              </tr>
            </thead>
            <tbody>
              {pods.map((pod) => (
                <tr key={pod.name} data-pod={pod.name} data-synthetic={pod.synthetic === true}>
                  <th scope="row">
                    {pod.name}
                    {pod.synthetic ? (
                      <>
                        {' '}
                        <span className={shared.pill} data-tone="warning">
                          From template, not running
                        </span>
                      </>
                    ) : null}
                  </th>
                  <td>
                    {pod.ips.length > 0 ? (
                      pod.ips.join(', ')
                    ) : (
                      <span className={shared.muted}>none</span>
                    )}
                  </td>
                  <td>{pod.phase ?? <span className={shared.muted}>–</span>}</td>
                  <td>
                    {pod.nodeName ?? <span className={shared.muted}>–</span>}
                    {pod.hostNetwork ? <span className={shared.muted}> (host network)</span> : null}
                  </td>
                  <td>
                    {pod.ports.length > 0 ? (
                      pod.ports
                        .map((p) => `${p.port}/${p.protocol}${p.name ? ` (${p.name})` : ''}`)
                        .join(', ')
                    ) : (
                      <span className={shared.muted}>none declared</span>
                    )}
                  </td>
                  <td>
                    <span className={styles.labels}>
                      {Object.entries(pod.labels).map(([key, value]) => (
                        <code key={key}>
                          {key}={value}
                        </code>
                      ))}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

import type { NamespaceItem } from '@palisade/api-contract';
import styles from './namespaces.module.css';
import { YesNo } from './yes-no';

/** Whether each direction is denied by default in the namespace, and what that means for its pods. */
export function DefaultDenyStatus({ namespace }: { readonly namespace: NamespaceItem }) {
  const pods = (n: number) => `${n} of ${namespace.pods} ${namespace.pods === 1 ? 'pod' : 'pods'}`;
  return (
    <dl className={styles.denyGrid}>
      <div data-direction="ingress" data-default-deny={namespace.defaultDenyIngress}>
        <dt>Default deny ingress</dt>
        <dd>
          <YesNo value={namespace.defaultDenyIngress} />
          <p>
            {namespace.defaultDenyIngress
              ? 'A NetworkPolicy selects every pod here for ingress: a pod accepts only the connections some policy allows, and a new workload starts closed.'
              : 'No policy selects every pod here for ingress: a pod no policy selects accepts connections from anywhere, including other namespaces, and a new workload starts open.'}
          </p>
          <p>{pods(namespace.ingressIsolatedPods)} isolated for ingress.</p>
        </dd>
      </div>
      <div data-direction="egress" data-default-deny={namespace.defaultDenyEgress}>
        <dt>Default deny egress</dt>
        <dd>
          <YesNo value={namespace.defaultDenyEgress} />
          <p>
            {namespace.defaultDenyEgress
              ? 'A NetworkPolicy selects every pod here for egress: a pod may open only the connections some policy allows (remember DNS).'
              : 'No policy selects every pod here for egress: a pod no egress policy selects may connect anywhere, inside the cluster or out.'}
          </p>
          <p>{pods(namespace.egressIsolatedPods)} isolated for egress.</p>
        </dd>
      </div>
    </dl>
  );
}

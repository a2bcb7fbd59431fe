import styles from './policies.module.css';
import { defaultDenyYaml } from './default-deny-example';

/** What to do when there is no policy: start with a default deny per namespace. */
export function NoPolicies({ namespace }: { readonly namespace?: string }) {
  return (
    <div className={styles.empty} data-testid="no-policies">
      <h3>
        {namespace
          ? `No NetworkPolicy in ${namespace}: every pod here accepts traffic from anywhere`
          : 'No policies: this cluster allows all traffic'}
      </h3>
      <p>
        Start with a default-deny NetworkPolicy {namespace ? 'in this namespace' : 'per namespace'},
        then allow what each workload needs. Apply this with <code>kubectl apply -f</code>:
      </p>
      <pre className={styles.example}>
        <code>{defaultDenyYaml(namespace)}</code>
      </pre>
    </div>
  );
}

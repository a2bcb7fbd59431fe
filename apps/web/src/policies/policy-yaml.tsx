import styles from './policies.module.css';

/** A policy's YAML behind a disclosure: tables stay readable, the whole policy is a click away. */
export function PolicyYaml({
  yaml,
  summary,
  open = false,
}: {
  readonly yaml: string;
  readonly summary: string;
  readonly open?: boolean;
}) {
  return (
    <details className={styles.yaml} open={open}>
      <summary>{summary}</summary>
      <pre>
        <code>{yaml}</code>
      </pre>
    </details>
  );
}

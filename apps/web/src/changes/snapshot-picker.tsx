import type { SnapshotItem } from '@palisade/api-contract';
import Form from 'next/form';
import { formatTimestamp } from '../components/cluster-display';
import styles from './changes.module.css';

function optionLabel(s: SnapshotItem): string {
  const score = s.score === null ? 'no score' : `score ${s.score}`;
  const changes = `${s.changes} ${s.changes === 1 ? 'change' : 'changes'}`;
  return `#${s.seq}, ${formatTimestamp(s.takenAt)}, ${score}, ${changes}${s.thinned ? ' (thinned: cannot be compared)' : ''}`;
}

function SnapshotSelect({
  id,
  name,
  label,
  value,
  snapshots,
}: {
  readonly id: string;
  readonly name: string;
  readonly label: string;
  readonly value: number;
  readonly snapshots: readonly SnapshotItem[];
}) {
  return (
    <div className={styles.field}>
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={String(value)}>
        {snapshots.some((s) => s.seq === value) ? null : <option value={value}>#{value}</option>}
        {snapshots.map((s) => (
          <option key={s.seq} value={s.seq}>
            {optionLabel(s)}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Two snapshots to compare, in a GET form: the choice lands in the URL as `?from=&to=`. */
export function SnapshotPicker({
  action,
  from,
  to,
  snapshots,
}: {
  readonly action: string;
  readonly from: number;
  readonly to: number;
  readonly snapshots: readonly SnapshotItem[];
}) {
  return (
    <Form action={action} className={styles.filters} key={`${from}-${to}`}>
      <SnapshotSelect
        id="diff-from"
        name="from"
        label="From snapshot"
        value={from}
        snapshots={snapshots}
      />
      <SnapshotSelect id="diff-to" name="to" label="To snapshot" value={to} snapshots={snapshots} />
      <div className={styles.actions}>
        <button type="submit" className={styles.button}>
          Compare
        </button>
      </div>
    </Form>
  );
}

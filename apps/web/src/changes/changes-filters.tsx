import { CHANGE_KINDS } from '@palisade/api-contract';
import { NamespaceSelect } from '../components/filter-selects';
import Form from 'next/form';
import Link from 'next/link';
import { describeChange } from '../overview/change-text';
import styles from './changes.module.css';
import {
  CHANGES_PAGE_SIZE,
  changesHref,
  KIND_PRESETS,
  presetOf,
  withKinds,
  type ChangesQuery,
} from './changes-url';

/**
 * A GET form: submitting it puts the filters in the URL (without JavaScript it is a plain form).
 * The presets are links, one click to a common set of kinds. A new filter starts at page one.
 */
export function ChangesFilters({
  action,
  query,
  namespaces,
}: {
  readonly action: string;
  readonly query: ChangesQuery;
  readonly namespaces: readonly string[];
}) {
  const preset = presetOf(query.kinds);
  return (
    <div>
      <nav aria-label="Kinds of change">
        <ul className={styles.presets}>
          <li>
            <Link
              href={changesHref(action, withKinds(query, []))}
              aria-current={query.kinds.length === 0 ? 'true' : undefined}
            >
              All changes
            </Link>
          </li>
          {KIND_PRESETS.map((p) => (
            <li key={p.key}>
              <Link
                href={changesHref(action, withKinds(query, p.kinds))}
                aria-current={preset === p.key ? 'true' : undefined}
              >
                {p.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {/* Keyed by the query so the fields show the URL's state after every navigation. */}
      <Form action={action} className={styles.filters} key={JSON.stringify(query)}>
        <fieldset className={styles.kinds}>
          <legend>Kinds (none ticked: all)</legend>
          <div className={styles.kindOptions}>
            {CHANGE_KINDS.map((kind) => (
              <label key={kind}>
                <input
                  type="checkbox"
                  name="kind"
                  value={kind}
                  defaultChecked={query.kinds.includes(kind)}
                />
                {describeChange({ kind, details: {} }).label}
              </label>
            ))}
          </div>
        </fieldset>
        <div className={styles.field}>
          <label htmlFor="changes-namespace">Namespace</label>
          <NamespaceSelect id="changes-namespace" namespaces={namespaces} value={query.namespace} />
        </div>
        <div className={styles.field}>
          <label htmlFor="changes-since">From (UTC day)</label>
          <input id="changes-since" name="since" type="date" defaultValue={query.since ?? ''} />
        </div>
        <div className={styles.field}>
          <label htmlFor="changes-until">Until (UTC day, included)</label>
          <input id="changes-until" name="until" type="date" defaultValue={query.until ?? ''} />
        </div>
        {query.limit !== CHANGES_PAGE_SIZE ? (
          <input type="hidden" name="limit" value={query.limit} />
        ) : null}
        <div className={styles.actions}>
          <button type="submit" className={styles.button}>
            Apply filters
          </button>
          <Link href={action}>Clear</Link>
        </div>
      </Form>
    </div>
  );
}

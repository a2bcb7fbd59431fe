import { POLICY_KINDS } from '@palisade/api-contract';
import { NamespaceSelect, PageSizeSelect } from '../components/filter-selects';
import Form from 'next/form';
import dashboard from '../components/dashboard.module.css';
import { POLICY_PAGE_SIZES, type PoliciesQuery } from './policies-url';
import styles from './policies.module.css';

/** A GET form: the filters go in the URL (the page makes it canonical); a new filter starts at page one. */
export function PoliciesFilters({
  action,
  query,
  namespaces,
}: {
  readonly action: string;
  readonly query: PoliciesQuery;
  readonly namespaces: readonly string[];
}) {
  return (
    <Form action={action} className={dashboard.filters} key={JSON.stringify(query)}>
      <div className={dashboard.field}>
        <label htmlFor="policies-kind">Kind</label>
        <select id="policies-kind" name="kind" defaultValue={query.kind ?? ''}>
          <option value="">All kinds</option>
          {POLICY_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </div>
      <div className={dashboard.field}>
        <label htmlFor="policies-namespace">Namespace</label>
        <NamespaceSelect
          id="policies-namespace"
          namespaces={namespaces}
          value={query.namespace}
          anyLabel="All namespaces and cluster-wide"
        />
      </div>
      <div className={dashboard.field}>
        <label htmlFor="policies-enforced">Enforcement</label>
        <select
          id="policies-enforced"
          name="enforced"
          defaultValue={query.enforced === undefined ? '' : String(query.enforced)}
        >
          <option value="">Enforced or not</option>
          <option value="true">Enforced</option>
          <option value="false">Not enforced here</option>
        </select>
      </div>
      <div className={dashboard.field}>
        <label htmlFor="policies-limit">Rows per page</label>
        <PageSizeSelect id="policies-limit" sizes={POLICY_PAGE_SIZES} value={query.limit} />
      </div>
      <div className={styles.checkbox}>
        <input
          id="policies-removed"
          name="removed"
          type="checkbox"
          value="true"
          defaultChecked={query.removed}
        />
        <label htmlFor="policies-removed">Include removed policies</label>
      </div>
      <div className={dashboard.filterActions}>
        <button type="submit" className={dashboard.primaryButton}>
          Apply filters
        </button>
        <a href={action}>Clear</a>
      </div>
    </Form>
  );
}

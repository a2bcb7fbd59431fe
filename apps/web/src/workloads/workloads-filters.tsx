import Form from 'next/form';
import { NamespaceSelect, PageSizeSelect } from '../components/filter-selects';
import styles from '../components/dashboard.module.css';
import { PAGE_SIZES, type WorkloadsQuery } from './workloads-url';

/**
 * A GET form: submitting it puts the filters in the URL (Next's <Form> navigates without a full
 * reload; without JavaScript it is a plain form). A new filter starts at the first page.
 */
export function WorkloadsFilters({
  action,
  query,
  namespaces,
}: {
  readonly action: string;
  readonly query: WorkloadsQuery;
  readonly namespaces: readonly string[];
}) {
  const tri = (value: boolean | undefined) => (value === undefined ? '' : String(value));
  return (
    // Keyed by the query so the fields show the URL's state after every navigation.
    <Form action={action} className={styles.filters} key={JSON.stringify(query)}>
      <div className={styles.field}>
        <label htmlFor="filter-unprotected">Ingress protection</label>
        <select id="filter-unprotected" name="unprotected" defaultValue={tri(query.unprotected)}>
          <option value="">Any</option>
          <option value="true">Unprotected only</option>
          <option value="false">Protected only</option>
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-exposed">Exposure</label>
        <select id="filter-exposed" name="exposed" defaultValue={tri(query.exposed)}>
          <option value="">Any</option>
          <option value="true">Exposed only</option>
          <option value="false">Not exposed</option>
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-exposure">From the internet</label>
        <select id="filter-exposure" name="exposure" defaultValue={query.exposure ?? ''}>
          <option value="">Any</option>
          <option value="published">Published through an entry point</option>
          <option value="policy-only">Policies admit it, no entry point</option>
          <option value="none">Not admitted</option>
        </select>
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-namespace">Namespace</label>
        <NamespaceSelect id="filter-namespace" namespaces={namespaces} value={query.namespace} />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-q">Name contains</label>
        <input id="filter-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={200} />
      </div>
      <div className={styles.field}>
        <label htmlFor="filter-limit">Rows per page</label>
        <PageSizeSelect id="filter-limit" sizes={PAGE_SIZES} value={query.limit} />
      </div>
      {query.sort !== 'score' ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div className={styles.filterActions}>
        <button type="submit" className={styles.primaryButton}>
          Apply filters
        </button>
        <a href={action}>Clear</a>
      </div>
    </Form>
  );
}

import Form from 'next/form';
import dashboard from '../components/dashboard.module.css';
import { DEFAULT_NAMESPACE_SORT, type NamespacesQuery } from './namespaces-url';

/** A GET form: the filter goes in the URL, keeping the sort. */
export function NamespacesFilter({
  action,
  query,
}: {
  readonly action: string;
  readonly query: NamespacesQuery;
}) {
  return (
    <Form action={action} className={dashboard.filters} key={JSON.stringify(query)} role="search">
      <div className={dashboard.field}>
        <label htmlFor="namespaces-q">Name contains</label>
        <input id="namespaces-q" name="q" type="search" defaultValue={query.q ?? ''} maxLength={200} />
      </div>
      {query.sort !== DEFAULT_NAMESPACE_SORT ? <input type="hidden" name="sort" value={query.sort} /> : null}
      <div className={dashboard.filterActions}>
        <button type="submit" className={dashboard.primaryButton}>
          Filter
        </button>
        <a href={action}>Clear</a>
      </div>
    </Form>
  );
}

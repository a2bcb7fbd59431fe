import Form from 'next/form';
import dashboard from '../components/dashboard.module.css';
import admin from './admin.module.css';

/**
 * A GET form: the action filter goes in the URL (the page makes it canonical) and a new filter
 * starts at page one. The suggestions are the actions the API has recorded on this page.
 */
export function AuditFilter({
  action,
  suggestions,
}: {
  readonly action: string | undefined;
  readonly suggestions: readonly string[];
}) {
  return (
    <Form action="/admin/audit" className={admin.filters} key={action ?? ''}>
      <div className={dashboard.field}>
        <label htmlFor="filter-action">Action</label>
        <input
          id="filter-action"
          name="action"
          type="text"
          list="audit-actions"
          defaultValue={action ?? ''}
          placeholder="e.g. user.created"
          aria-describedby="filter-action-hint"
        />
        <datalist id="audit-actions">
          {suggestions.map((s) => (
            <option key={s} value={s} />
          ))}
        </datalist>
        <span id="filter-action-hint" className="visually-hidden">
          One action exactly, such as user.created or token.revoked; empty for every action.
        </span>
      </div>
      <div className={dashboard.filterActions}>
        <button type="submit" className={dashboard.primaryButton}>
          Apply filter
        </button>
        <a href="/admin/audit">Clear</a>
      </div>
    </Form>
  );
}

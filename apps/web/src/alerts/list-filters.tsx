import Form from 'next/form';
import dashboard from '../components/dashboard.module.css';

export interface FilterSelect {
  readonly name: string;
  readonly label: string;
  readonly value: string | undefined;
  readonly any: string;
  readonly options: readonly { readonly value: string; readonly label: string }[];
}

/** A GET form: the filters go in the URL (the page makes it canonical); a new filter starts at page one. */
export function ListFilters({
  action,
  selects,
}: {
  readonly action: string;
  readonly selects: readonly FilterSelect[];
}) {
  return (
    <Form
      action={action}
      className={dashboard.filters}
      key={selects.map((s) => s.value ?? '').join('|')}
    >
      {selects.map((select) => (
        <div key={select.name} className={dashboard.field}>
          <label htmlFor={`filter-${select.name}`}>{select.label}</label>
          <select id={`filter-${select.name}`} name={select.name} defaultValue={select.value ?? ''}>
            <option value="">{select.any}</option>
            {select.value && !select.options.some((o) => o.value === select.value) ? (
              <option value={select.value}>{select.value}</option>
            ) : null}
            {select.options.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <div className={dashboard.filterActions}>
        <button type="submit" className={dashboard.primaryButton}>
          Apply filters
        </button>
        <a href={action}>Clear</a>
      </div>
    </Form>
  );
}

// Server side only: the administration list pages' shared start and list.
import type { Page } from '@palisade/api-contract';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import type { ReactNode } from 'react';
import { isCanonical, offsetOf, PAGE_SIZE, type SearchParams } from '../alerts/alerts-url';
import { pageAccess } from '../auth/page-access';
import type { Permission } from '../auth/roles';
import { ApiUnavailable } from '../components/api-unavailable';
import dashboard from '../components/dashboard.module.css';
import { pageLinks } from '../components/page-links';
import { Pagination } from '../components/pagination';
import type { ApiResult } from '../data-access/api-result';
import { pagedHref } from './admin-url';

/** One page of an administration list, with where its other pages are. */
export interface AdminListPage<Q extends { readonly offset: number }, T> {
  readonly query: Q;
  readonly items: readonly T[];
  readonly total: number;
  /** The URL of the list (same query) starting at `offset`. */
  readonly at: (offset: number) => string;
}

/** How a list keeps its state in the URL: the page only, or a filter too (the audit log). */
export interface ListUrl<Q extends { readonly offset: number }> {
  readonly parse: (search: SearchParams) => Q;
  readonly href: (query: Q) => string;
}

/** `/admin/users?offset=50`: a list whose URL holds only its page. */
export function pagedUrl(basePath: string): ListUrl<{ readonly offset: number }> {
  return {
    parse: (search) => ({ offset: offsetOf(search['offset']) }),
    href: (query) => pagedHref(basePath, query.offset),
  };
}

/**
 * What every administration list does before it renders: redirects to its canonical URL, says
 * so when the reader's role may not see it, and reads one page from the API. Answers the page
 * of items, or what to show instead (the refusal, or the API's problem).
 */
export async function loadAdminList<Q extends { readonly offset: number }, T>(
  searchParams: Promise<SearchParams>,
  options: ListUrl<Q> & {
    readonly permission: Permission;
    /** For the refusal: "Your role (viewer) cannot manage users." */
    readonly what: string;
    readonly list: (query: Q & { readonly limit: number }) => Promise<ApiResult<Page<T>>>;
  },
): Promise<
  ({ readonly ok: true } & AdminListPage<Q, T>) | { readonly ok: false; readonly page: ReactNode }
> {
  await connection();
  const search = await searchParams;
  const query = options.parse(search);
  if (!isCanonical(search, options.href(query))) redirect(options.href(query));
  const access = await pageAccess(options.permission, options.what);
  if (!access.allowed) return { ok: false, page: access.page };
  const result = await options.list({ ...query, limit: PAGE_SIZE });
  if (!result.ok) return { ok: false, page: <ApiUnavailable error={result.error} /> };
  return {
    ok: true,
    query,
    items: result.data.items,
    total: result.data.total,
    at: (offset) => options.href({ ...query, offset }),
  };
}

/**
 * An administration list's section: its heading, "Showing 1–50 of 120 users", the table (the
 * children) or a way back from past the last page, and the page links.
 */
export function AdminList<T>({
  id,
  title,
  list,
  counted,
  one,
  empty,
  filter,
  whenEmpty,
  children,
}: {
  /** The heading's id is `${id}-title`. */
  readonly id: string;
  readonly title: string;
  readonly list: AdminListPage<{ readonly offset: number }, T>;
  /** What the count counts: "users", "events, newest first". */
  readonly counted: string;
  /** One item, for "This page is past the last user." */
  readonly one: string;
  /** The summary when there is nothing at all. */
  readonly empty: ReactNode;
  /** Above the summary (the audit log's filter). */
  readonly filter?: ReactNode;
  /** Under an empty summary (a link that clears the filter). */
  readonly whenEmpty?: ReactNode;
  /** The table of `list.items`, shown when the page has any. */
  readonly children: ReactNode;
}) {
  const { items, total, at } = list;
  const { offset } = list.query;
  return (
    <section aria-labelledby={`${id}-title`} className={dashboard.section}>
      <h2 id={`${id}-title`}>{title}</h2>
      {filter}
      <p className={dashboard.tableSummary} role="status" data-total={total}>
        {total === 0
          ? empty
          : `Showing ${items.length === 0 ? 0 : offset + 1}–${offset + items.length} of ${total.toLocaleString('en')} ${counted}`}
      </p>
      {items.length > 0 ? (
        children
      ) : total > 0 ? (
        <p>
          This page is past the last {one}. <a href={at(0)}>Go to the first page</a>.
        </p>
      ) : (
        (whenEmpty ?? null)
      )}
      <Pagination links={pageLinks({ offset, limit: PAGE_SIZE, total }, at)} />
    </section>
  );
}

import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { connection } from 'next/server';
import { auditHref, parseAuditQuery } from '../../../admin/admin-url';
import { AuditFilter } from '../../../admin/audit-filter';
import { AuditTable } from '../../../admin/audit-table';
import { isCanonical, PAGE_SIZE, type SearchParams } from '../../../alerts/alerts-url';
import { pageAccess } from '../../../auth/page-access';
import { ApiUnavailable } from '../../../components/api-unavailable';
import dashboard from '../../../components/dashboard.module.css';
import { pageLinks } from '../../../components/page-links';
import { Pagination } from '../../../components/pagination';
import { listAudit } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'Audit log' };

/** Who changed what, newest first: sign-ins, users, tokens, channels, rules, exceptions, ... */
export default async function AuditPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const search = await searchParams;
  const query = parseAuditQuery(search);
  if (!isCanonical(search, auditHref(query))) redirect(auditHref(query));
  const access = await pageAccess('audit.read', 'read the audit log');
  if (!access.allowed) return access.page;
  const events = await listAudit({ ...query, limit: PAGE_SIZE });
  if (!events.ok) return <ApiUnavailable error={events.error} />;
  const { items, total } = events.data;
  return (
    <section aria-labelledby="audit-title" className={dashboard.section}>
      <h2 id="audit-title">Audit log</h2>
      <AuditFilter
        action={query.action}
        suggestions={[...new Set(items.map((e) => e.action))].sort()}
      />
      <p className={dashboard.tableSummary} role="status" data-total={total}>
        {total === 0
          ? query.action
            ? `Nothing recorded for ${query.action}.`
            : 'Nothing recorded yet.'
          : `Showing ${items.length === 0 ? 0 : query.offset + 1}–${query.offset + items.length} of ${total.toLocaleString('en')} events, newest first`}
      </p>
      {items.length > 0 ? (
        <AuditTable events={items} />
      ) : total > 0 ? (
        <p>
          This page is past the last event.{' '}
          <a href={auditHref({ ...query, offset: 0 })}>Go to the first page</a>.
        </p>
      ) : query.action ? (
        <p>
          <a href="/admin/audit">Clear the filter</a> to see every action.
        </p>
      ) : null}
      <Pagination
        links={pageLinks({ offset: query.offset, limit: PAGE_SIZE, total }, (offset) =>
          auditHref({ ...query, offset }),
        )}
      />
    </section>
  );
}

import type { Metadata } from 'next';
import { AdminList, loadAdminList } from '../../../admin/admin-list';
import { auditHref, parseAuditQuery } from '../../../admin/admin-url';
import { AuditFilter } from '../../../admin/audit-filter';
import { AuditTable } from '../../../admin/audit-table';
import type { SearchParams } from '../../../alerts/alerts-url';
import { listAudit } from '../../../data-access/admin-data';

export const metadata: Metadata = { title: 'Audit log' };

/** Who changed what, newest first: sign-ins, users, tokens, channels, rules, exceptions, ... */
export default async function AuditPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  const events = await loadAdminList(searchParams, {
    parse: parseAuditQuery,
    href: auditHref,
    permission: 'audit.read',
    what: 'read the audit log',
    list: listAudit,
  });
  if (!events.ok) return events.page;
  const { action } = events.query;
  return (
    <AdminList
      id="audit"
      title="Audit log"
      list={events}
      counted="events, newest first"
      one="event"
      empty={action ? `Nothing recorded for ${action}.` : 'Nothing recorded yet.'}
      filter={
        <AuditFilter
          action={action}
          suggestions={[...new Set(events.items.map((e) => e.action))].sort()}
        />
      }
      whenEmpty={
        action ? (
          <p>
            <a href="/admin/audit">Clear the filter</a> to see every action.
          </p>
        ) : null
      }
    >
      <AuditTable events={events.items} />
    </AdminList>
  );
}

'use client';

import type { NamespaceItem, Page } from '@palisade/api-contract';
import Link from 'next/link';
import { useState } from 'react';
import dashboard from '../components/dashboard.module.css';
import { isNamespaceItem, isPageOf } from '../data-access/contract-checks';
import { fetchJson, useLive, useLiveEvents } from '../live/live-context';
import {
  namespacePath,
  namespacesHref,
  sortDirection,
  sortedBy,
  visibleNamespaces,
  type NamespaceSortField,
  type NamespacesQuery,
} from './namespaces-url';
import { YesNo } from './yes-no';

const columns: readonly {
  readonly label: string;
  readonly sort?: NamespaceSortField;
  readonly numeric?: boolean;
}[] = [
  { label: 'Namespace', sort: 'name' },
  { label: 'Default deny ingress' },
  { label: 'Default deny egress' },
  { label: 'Score', sort: 'score', numeric: true },
  { label: 'Workloads', sort: 'workloads', numeric: true },
  { label: 'Unprotected', sort: 'unprotected', numeric: true },
  { label: 'Exposed', sort: 'exposed', numeric: true },
  { label: 'Policies', sort: 'policies', numeric: true },
];

const sortNames: Record<NamespaceSortField, string> = {
  name: 'name',
  score: 'score',
  workloads: 'workloads',
  unprotected: 'unprotected workloads',
  exposed: 'exposed workloads',
  policies: 'NetworkPolicies',
};

/**
 * Every namespace as of the last stored snapshot, sorted and filtered as the URL says; each
 * stored snapshot (or a reconnection) re-reads them.
 */
export function NamespacesTable({
  initial,
  query,
  basePath,
}: {
  readonly initial: readonly NamespaceItem[];
  readonly query: NamespacesQuery;
  readonly basePath: string;
}) {
  const { clusterId } = useLive();
  const [items, setItems] = useState(initial);
  const reload = async () => {
    const page = await fetchJson(
      `/api/clusters/${clusterId}/namespaces?limit=1000`,
      (body): body is Page<NamespaceItem> => isPageOf(body, isNamespaceItem),
    );
    if (page) setItems(page.items);
  };
  useLiveEvents({ stored: reload, resync: reload });

  const rows = visibleNamespaces(items, query);
  const field = query.sort.replace('-', '') as NamespaceSortField;
  return (
    <>
      <p className={dashboard.tableSummary} role="status" data-total={rows.length}>
        {rows.length === items.length
          ? `${items.length} ${items.length === 1 ? 'namespace' : 'namespaces'}`
          : `${rows.length} of ${items.length} namespaces match “${query.q ?? ''}”`}
      </p>
      {rows.length === 0 ? (
        <p className={dashboard.muted}>
          {items.length === 0
            ? 'No namespace yet: they appear once Palisade has stored a snapshot of the cluster.'
            : 'No namespace name contains this text. Clear the filter to see them all.'}
        </p>
      ) : (
        <div className={dashboard.tableScroll}>
          <table className={dashboard.table} data-testid="namespaces-table">
            <caption className="visually-hidden">
              Namespaces, sorted by {sortNames[field]}
              {query.sort.startsWith('-') ? ' descending' : ' ascending'}
            </caption>
            <thead>
              <tr>
                {columns.map((column) => {
                  const direction = column.sort ? sortDirection(query, column.sort) : undefined;
                  return (
                    <th
                      key={column.label}
                      scope="col"
                      aria-sort={direction}
                      className={column.numeric ? dashboard.numeric : undefined}
                    >
                      {column.sort ? (
                        <Link href={namespacesHref(basePath, sortedBy(query, column.sort))} scroll={false}>
                          {column.label}
                          <span aria-hidden="true" className={dashboard.sortMark}>
                            {direction === 'ascending' ? ' ▲' : direction === 'descending' ? ' ▼' : ''}
                          </span>
                        </Link>
                      ) : (
                        column.label
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {rows.map((ns) => (
                <tr key={ns.name} data-namespace={ns.name}>
                  <th scope="row">
                    <Link href={namespacePath(clusterId, ns.name)}>{ns.name}</Link>
                  </th>
                  <td data-direction="ingress">
                    <YesNo value={ns.defaultDenyIngress} />
                  </td>
                  <td data-direction="egress">
                    <YesNo value={ns.defaultDenyEgress} />
                  </td>
                  <td className={dashboard.numeric}>{ns.score ?? '–'}</td>
                  <td className={dashboard.numeric}>{ns.workloads}</td>
                  <td className={dashboard.numeric}>{ns.unprotectedWorkloads}</td>
                  <td className={dashboard.numeric}>{ns.exposedWorkloads}</td>
                  <td className={dashboard.numeric}>{ns.networkPolicies}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

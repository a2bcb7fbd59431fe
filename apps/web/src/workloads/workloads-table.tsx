'use client';

import { describeEntryPoint, type Page, type WorkloadItem } from '@palisade/api-contract';
import Link from 'next/link';
import { pageLinks } from '../components/page-links';
import { Pagination } from '../components/pagination';
import { useState } from 'react';
import styles from '../components/dashboard.module.css';
import { isPageOf, isWorkloadItem, workloadsSearch } from '../data-access/contract-checks';
import { fetchJson, useLive, useLiveEvents } from '../live/live-context';
import { workloadHref } from '../workload-detail/detail-links';
import { applyScoreEvent, type TablePage } from './live-rows';
import {
  sortDirection,
  sortedBy,
  workloadKey,
  workloadsHref,
  type SortField,
  type WorkloadsQuery,
} from './workloads-url';

const columns: readonly {
  readonly label: string;
  readonly sort?: SortField;
  readonly numeric?: boolean;
}[] = [
  { label: 'Workload', sort: 'name' },
  { label: 'Namespace', sort: 'namespace' },
  { label: 'Kind' },
  { label: 'Ingress' },
  { label: 'Egress' },
  { label: 'Reachable from (pods)', sort: 'reachableFrom', numeric: true },
  { label: 'Exposure', numeric: false },
  { label: 'Score', sort: 'score', numeric: true },
];

/**
 * One page of workloads, read by the server; live evaluations update it in place, and each
 * stored snapshot (or a reconnection) re-reads the page from the API.
 */
export function WorkloadsTable({
  initial,
  query,
  basePath,
}: {
  readonly initial: TablePage;
  readonly query: WorkloadsQuery;
  readonly basePath: string;
}) {
  const { clusterId } = useLive();
  const [page, setPage] = useState(initial);
  const reload = async () => {
    const fresh = await fetchJson(
      `/api/clusters/${clusterId}/workloads?${workloadsSearch(query)}`,
      (body): body is Page<WorkloadItem> => isPageOf(body, isWorkloadItem),
    );
    if (fresh) setPage({ rows: fresh.items, total: fresh.total });
  };
  useLiveEvents({
    score: (event) => setPage((current) => applyScoreEvent(current, event, query)),
    stored: reload,
    resync: reload,
  });

  const firstRow = page.rows.length === 0 ? 0 : query.offset + 1;
  const lastRow = query.offset + page.rows.length;
  return (
    <>
      <p className={styles.tableSummary} role="status" data-total={page.total}>
        {page.total === 0
          ? 'No workload matches these filters.'
          : `Showing ${firstRow}–${lastRow} of ${page.total.toLocaleString('en')} workloads`}
      </p>
      <div className={styles.tableScroll}>
        <table className={styles.table} data-testid="workloads-table">
          <caption className="visually-hidden">
            Workloads, sorted by {query.sort.replace('-', '')}
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
                    className={column.numeric ? styles.numeric : undefined}
                  >
                    {column.sort ? (
                      <Link
                        href={workloadsHref(basePath, sortedBy(query, column.sort))}
                        scroll={false}
                      >
                        {column.label}
                        <span aria-hidden="true" className={styles.sortMark}>
                          {direction === 'ascending'
                            ? ' ▲'
                            : direction === 'descending'
                              ? ' ▼'
                              : ''}
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
            {page.rows.map((w) => (
              <WorkloadRow key={workloadKey(w)} workload={w} href={workloadHref(clusterId, w)} />
            ))}
          </tbody>
        </table>
      </div>
      <Pagination
        links={pageLinks({ ...query, total: page.total }, (offset) =>
          workloadsHref(basePath, { ...query, offset }),
        )}
      />
    </>
  );
}

function WorkloadRow({
  workload: w,
  href,
}: {
  readonly workload: WorkloadItem;
  readonly href: string;
}) {
  return (
    <tr data-workload={workloadKey(w)} data-unprotected={w.unprotected} data-exposed={w.exposed}>
      <th scope="row">
        <Link href={href}>{w.name}</Link>
      </th>
      <td>{w.namespace}</td>
      <td>{w.kind}</td>
      <td>
        <Isolation isolated={w.ingressIsolated} />
      </td>
      <td>
        <Isolation isolated={w.egressIsolated} />
      </td>
      <td className={styles.numeric}>
        {w.reachableFrom}
        {w.reachableFromConditional > 0 ? (
          <span className={styles.muted} title="Allowed only for some requests or names (L7 rules, DNS names)">
            {' '}
            ({w.reachableFromConditional} for some requests only)
          </span>
        ) : null}
      </td>
      <td>
        <ExposureCell workload={w} />
      </td>
      <td className={styles.numeric}>{w.score ?? '–'}</td>
    </tr>
  );
}

function Isolation({ isolated }: { readonly isolated: boolean }) {
  return isolated ? (
    <span className={styles.pill} data-tone="good">
      Isolated
    </span>
  ) : (
    <span className={styles.pill} data-tone="bad">
      Not isolated
    </span>
  );
}

/**
 * What reaches the workload: published through its first admitted door (named), reachable from
 * every namespace, or admitted by the policies with no door leading there.
 */
function ExposureCell({ workload: w }: { readonly workload: WorkloadItem }) {
  const door = w.entryPoints.find((e) => e.admitted);
  if (w.internetExposure === 'published') {
    return (
      <>
        <span className={styles.pill} data-tone={door?.conditional ? 'warning' : 'bad'} data-exposure="published">
          {door?.conditional ? 'Published for some requests' : 'Published'}
        </span>{' '}
        {door ? <span className={styles.muted}>{describeEntryPoint(door)}</span> : null}
      </>
    );
  }
  if (w.exposed) {
    return (
      <span className={styles.pill} data-tone="warning">
        All namespaces
      </span>
    );
  }
  if (w.internetExposure === 'policy-only') {
    return (
      <span className={styles.muted} data-exposure="policy-only" title="Its policies admit the internet, but no entry point leads there">
        Policy only
      </span>
    );
  }
  return <span className={styles.muted}>No</span>;
}

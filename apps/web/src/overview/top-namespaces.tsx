'use client';

import type { Page } from '@palisade/api-contract';
import Link from 'next/link';
import { useState } from 'react';
import styles from '../components/dashboard.module.css';
import { isNamespaceItem, isPageOf, type NamespaceItem } from '../data-access/contract-checks';
import { fetchJson, useLive, useLiveEvents } from '../live/live-context';

const SHOWN = 5;

/** The namespaces with the most unprotected workloads (ties: more workloads, then name). */
export function worstNamespaces(items: readonly NamespaceItem[], count = SHOWN): NamespaceItem[] {
  return items
    .filter((ns) => (ns.unprotectedWorkloads ?? 0) > 0)
    .sort(
      (a, b) =>
        (b.unprotectedWorkloads ?? 0) - (a.unprotectedWorkloads ?? 0) ||
        (b.workloads ?? 0) - (a.workloads ?? 0) ||
        a.name.localeCompare(b.name),
    )
    .slice(0, count);
}

/** Namespace figures come from stored snapshots: re-read after each one. */
export function TopNamespaces({ initial }: { readonly initial: readonly NamespaceItem[] }) {
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
  const worst = worstNamespaces(items);
  if (worst.length === 0) {
    return <p className={styles.muted}>No namespace has unprotected workloads.</p>;
  }
  return (
    <table className={styles.table}>
      <caption className="visually-hidden">
        Namespaces with the most unprotected workloads
      </caption>
      <thead>
        <tr>
          <th scope="col">Namespace</th>
          <th scope="col" className={styles.numeric}>
            Unprotected
          </th>
          <th scope="col" className={styles.numeric}>
            Workloads
          </th>
          <th scope="col" className={styles.numeric}>
            Score
          </th>
        </tr>
      </thead>
      <tbody>
        {worst.map((ns) => (
          <tr key={ns.name}>
            <th scope="row">
              <Link
                href={`/clusters/${clusterId}/workloads?unprotected=true&namespace=${encodeURIComponent(ns.name)}`}
              >
                {ns.name}
              </Link>
            </th>
            <td className={styles.numeric}>{ns.unprotectedWorkloads ?? 0}</td>
            <td className={styles.numeric}>{ns.workloads ?? '–'}</td>
            <td className={styles.numeric}>{ns.score ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

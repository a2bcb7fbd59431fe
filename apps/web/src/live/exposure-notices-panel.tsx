'use client';

import Link from 'next/link';
import styles from '../components/dashboard.module.css';
import { useLive } from './live-context';
import { workloadsHref } from '../workloads/workloads-url';
import { workloadPath } from '../data-access/paths';

/** Workloads that just became exposed, each linking to its page, until dismissed. */
export function ExposureNoticesPanel() {
  const { clusterId, notices, dismiss } = useLive();
  return (
    // Always in the DOM so screen readers announce notices as they arrive.
    <div aria-live="assertive" aria-relevant="additions" className={styles.notices}>
      {notices.map((notice) => (
        <div key={notice.key} className={styles.notice} role="alert" data-notice={notice.key}>
          <p>
            <strong>Newly exposed:</strong>{' '}
            <Link
              href={
                notice.kind
                  ? `/clusters/${clusterId}${workloadPath(notice)}`
                  : workloadsHref(`/clusters/${clusterId}/workloads`, {
                      namespace: notice.namespace,
                      q: notice.name,
                      sort: 'score',
                      limit: 50,
                      offset: 0,
                    })
              }
            >
              {notice.namespace}/{notice.name}
            </Link>{' '}
            {notice.kind ? <span className={styles.muted}>({notice.kind})</span> : null} can now be
            reached from the internet or from every namespace.
          </p>
          <button
            type="button"
            className={styles.dismiss}
            onClick={() => dismiss(notice.key)}
            aria-label={`Dismiss the notice about ${notice.namespace}/${notice.name}`}
          >
            Dismiss
          </button>
        </div>
      ))}
    </div>
  );
}

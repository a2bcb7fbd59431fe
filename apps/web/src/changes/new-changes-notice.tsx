'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLiveEvents } from '../live/live-context';
import styles from './changes.module.css';
import { matchesChangesQuery, type ChangesQuery } from './changes-url';

/**
 * Counts the changes stored since the page was rendered that belong on it, and offers to show
 * them. The list itself stays put: a reader in the middle of it is not pushed down.
 */
export function NewChangesNotice({ query }: { readonly query: ChangesQuery }) {
  const router = useRouter();
  const [count, setCount] = useState(0);
  const [showing, startTransition] = useTransition();
  useLiveEvents({
    changes: (event) => {
      if (event.source !== 'stored') return;
      const fresh = event.changes.filter((c) => matchesChangesQuery(c, query)).length;
      if (fresh > 0) setCount((n) => n + fresh);
    },
  });
  const show = () =>
    startTransition(() => {
      router.refresh();
      setCount(0);
    });
  return (
    // Always in the tree, so screen readers announce the text when it appears.
    <div role="status" aria-live="polite" data-new-changes={count}>
      {count > 0 ? (
        <div className={styles.notice}>
          <p>
            {count} new {count === 1 ? 'change' : 'changes'}
            {query.offset > 0 ? ' (on the first page)' : ''}
          </p>
          <button type="button" className={styles.button} onClick={show} disabled={showing}>
            {showing ? 'Showing…' : 'Show'}
          </button>
        </div>
      ) : null}
    </div>
  );
}

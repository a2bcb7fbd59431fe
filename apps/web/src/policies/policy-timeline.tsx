import type { PolicyDetail } from '@palisade/api-contract';
import { describeHistory, eventText } from './policy-history';
import styles from './policies.module.css';

/** The policy's life: when it appeared, each new version, and when it disappeared. */
export function PolicyTimeline({ history }: { readonly history: PolicyDetail['history'] }) {
  const events = describeHistory(history);
  if (events.length === 0) return <p>No stored version of this policy.</p>;
  return (
    <ol className={styles.timeline} data-testid="policy-history">
      {events.map((event) => (
        <li key={`${event.kind}-${event.seq}`} data-event={event.kind}>
          {event.at === null ? (
            eventText(event)
          ) : (
            <time dateTime={event.at}>{eventText(event)}</time>
          )}
        </li>
      ))}
    </ol>
  );
}

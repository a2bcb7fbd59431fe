import type { UserItem } from '@palisade/api-contract';
import type { ReactNode } from 'react';
import { formatUtc } from '../alerts/describe';
import facts from '../components/clusters.module.css';
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from './roles';

/** Who the signed-in user is, as the API knows them. */
export function AccountDetails({ user }: { readonly user: UserItem }) {
  const rows: readonly (readonly [string, ReactNode])[] = [
    ['Username', user.username],
    ['Name', user.name ?? 'Not set'],
    ['Email', user.email ?? 'Not set'],
    [
      'Role',
      <>
        {ROLE_LABELS[user.role]}: {ROLE_DESCRIPTIONS[user.role]}
      </>,
    ],
    ['Signs in with', user.source === 'oidc' ? 'Single sign-on' : 'A password (local account)'],
    [
      'Last sign-in',
      user.lastSignInAt ? (
        <time dateTime={user.lastSignInAt}>{formatUtc(user.lastSignInAt)}</time>
      ) : (
        'Never'
      ),
    ],
  ];
  return (
    <dl className={facts.facts} data-account-details>
      {rows.map(([term, value]) => (
        <div key={term} className={facts.fact}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

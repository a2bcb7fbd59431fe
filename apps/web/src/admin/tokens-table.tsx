import type { ApiTokenItem } from '@palisade/api-contract';
import { formatUtc } from '../alerts/describe';
import { ROLE_LABELS } from '../auth/roles';
import dashboard from '../components/dashboard.module.css';
import { RevokeTokenButton } from './revoke-token-button';

/** Whether a token still works, as of `now`. */
export function tokenState(
  token: Pick<ApiTokenItem, 'revokedAt' | 'expiresAt'>,
  now: Date,
): { readonly label: string; readonly tone: 'good' | 'bad' | 'neutral'; readonly usable: boolean } {
  if (token.revokedAt) return { label: 'Revoked', tone: 'neutral', usable: false };
  if (token.expiresAt && Date.parse(token.expiresAt) <= now.getTime()) {
    return { label: 'Expired', tone: 'bad', usable: false };
  }
  return { label: 'Active', tone: 'good', usable: true };
}

const when = (iso: string | null, none: string) =>
  iso ? <time dateTime={iso}>{formatUtc(iso)}</time> : none;

export function TokensTable({
  tokens,
  now,
}: {
  readonly tokens: readonly ApiTokenItem[];
  readonly now: Date;
}) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="tokens-table">
        <caption className="visually-hidden">API tokens</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Starts with</th>
            <th scope="col">Role</th>
            <th scope="col">State</th>
            <th scope="col">Created</th>
            <th scope="col">Expires</th>
            <th scope="col">Last used</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => {
            const state = tokenState(token, now);
            return (
              <tr key={token.id} data-token={token.name} data-state={state.label.toLowerCase()}>
                <th scope="row">{token.name}</th>
                <td>
                  <code>{token.prefix}…</code>
                </td>
                <td>{ROLE_LABELS[token.role]}</td>
                <td>
                  <span className={dashboard.pill} data-tone={state.tone}>
                    {state.label}
                  </span>
                  {token.revokedAt ? <div>{when(token.revokedAt, '')}</div> : null}
                </td>
                <td>
                  {when(token.createdAt, '')}
                  {token.createdBy ? (
                    <div className={dashboard.muted}>by {token.createdBy}</div>
                  ) : null}
                </td>
                <td>{when(token.expiresAt, 'Never')}</td>
                <td>{when(token.lastUsedAt, 'Never')}</td>
                <td>
                  {state.usable ? <RevokeTokenButton id={token.id} name={token.name} /> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

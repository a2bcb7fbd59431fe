import type { AlertRuleItem } from '@palisade/api-contract';
import dashboard from '../components/dashboard.module.css';
import { deleteRule, setRuleEnabled } from './actions';
import styles from './alerts.module.css';
import { kindLabel, severityOf } from './describe';
import { formatMatchLabels } from './form-bodies';
import { DeleteButton, EditLink } from './row-controls';

export function RulesTable({
  rules,
  clusterNames,
  channelNames,
  canEdit,
}: {
  readonly rules: readonly AlertRuleItem[];
  readonly clusterNames: ReadonlyMap<string, string>;
  readonly channelNames: ReadonlyMap<string, string>;
  /** Admins only: the edit, enable/disable and delete buttons. */
  readonly canEdit: boolean;
}) {
  return (
    <div className={dashboard.tableScroll}>
      <table className={dashboard.table} data-testid="rules-table">
        <caption className="visually-hidden">Alert rules</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Alerts when</th>
            <th scope="col">Scope</th>
            <th scope="col">Severity</th>
            <th scope="col">Sends to</th>
            <th scope="col">State</th>
            {canEdit ? <th scope="col">Actions</th> : null}
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const severity = severityOf(rule.severity);
            return (
              <tr key={rule.id} data-rule={rule.name}>
                <th scope="row">{rule.name}</th>
                <td className={styles.wrap}>{rule.kinds.map(kindLabel).join(', ')}</td>
                <td className={styles.wrap}>
                  {rule.clusterId
                    ? (clusterNames.get(rule.clusterId) ?? rule.clusterId)
                    : 'Every cluster'}
                  {', '}
                  {rule.namespace ? `namespace ${rule.namespace}` : 'every namespace'}
                  {rule.matchLabels ? (
                    <>
                      , labels{' '}
                      <code>{formatMatchLabels(rule.matchLabels).replace(/\n/g, ', ')}</code>
                    </>
                  ) : null}
                </td>
                <td>
                  <span className={dashboard.pill} data-tone={severity.tone}>
                    {severity.label}
                  </span>
                </td>
                <td className={styles.wrap}>
                  {rule.channelIds.map((id) => channelNames.get(id) ?? id).join(', ')}
                </td>
                <td>{rule.enabled ? 'Enabled' : 'Disabled'}</td>
                {canEdit ? (
                  <td>
                    <div className={styles.cellActions}>
                      <EditLink
                        href={`/alerts/rules?edit=${encodeURIComponent(rule.id)}#rule-form-title`}
                        name={rule.name}
                      />
                      <form action={setRuleEnabled} className={styles.inline}>
                        <input type="hidden" name="id" value={rule.id} />
                        <input type="hidden" name="enabled" value={String(!rule.enabled)} />
                        <button
                          type="submit"
                          className={styles.button}
                          aria-label={`${rule.enabled ? 'Disable' : 'Enable'} ${rule.name}`}
                        >
                          {rule.enabled ? 'Disable' : 'Enable'}
                        </button>
                      </form>
                      <DeleteButton action={deleteRule} id={rule.id} name={rule.name} />
                    </div>
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

'use client';

import type { AlertRuleItem, ChannelItem, ClusterItem } from '@palisade/api-contract';
import { useActionState } from 'react';
import { saveRule } from './actions';
import styles from './alerts.module.css';
import { ALERT_KINDS, ALERT_KIND_LABELS, SEVERITIES, severityOf } from './describe';
import { formatMatchLabels } from './form-bodies';
import {
  ActionForm,
  ClusterSelect,
  describedBy,
  FieldMessages,
  InputField,
  kept,
  keptAll,
} from './form-parts';
import { INITIAL_FORM_STATE } from './form-state';

const P = 'rule';

/** Adds a rule, or edits one (`rule`); works without JavaScript too (a server action). */
export function RuleForm({
  rule,
  clusters,
  channels,
}: {
  readonly rule?: AlertRuleItem;
  readonly clusters: readonly ClusterItem[];
  readonly channels: readonly ChannelItem[];
}) {
  const [state, action, saving] = useActionState(saveRule, INITIAL_FORM_STATE);
  const kinds = keptAll(state, 'kinds', rule?.kinds ?? []);
  const channelIds = keptAll(state, 'channelIds', rule?.channelIds ?? []);
  const enabled = keptAll(state, 'enabled', rule?.enabled === false ? [] : ['on']).length > 0;
  const clusterId = kept(state, 'clusterId', rule?.clusterId ?? '');
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      title={rule ? `Edit rule ${rule.name}` : 'Add a rule'}
      submit={[rule ? 'Save rule' : 'Add rule', 'Saving…']}
      cancelHref={rule ? '/alerts/rules' : undefined}
    >
      {rule ? <input type="hidden" name="id" value={rule.id} /> : null}
      <InputField
        state={state}
        idPrefix={P}
        name="name"
        label="Name"
        stored={rule?.name}
        required
        maxLength={200}
      />
      <fieldset className={styles.fieldset} {...describedBy(state, 'kinds', P)}>
        <legend>Alert when</legend>
        <div className={styles.choices}>
          {ALERT_KINDS.map((kind) => (
            <div key={kind} className={styles.choice}>
              <input
                id={`${P}-kind-${kind}`}
                type="checkbox"
                name="kinds"
                value={kind}
                defaultChecked={kinds.includes(kind)}
              />
              <label htmlFor={`${P}-kind-${kind}`}>{ALERT_KIND_LABELS[kind]}</label>
            </div>
          ))}
        </div>
        <FieldMessages state={state} field="kinds" idPrefix={P} />
      </fieldset>
      <div className={styles.row}>
        <ClusterSelect state={state} idPrefix={P} clusters={clusters} value={clusterId} />
        <div className={styles.field}>
          <label htmlFor={`${P}-namespace`}>Namespace</label>
          <input
            id={`${P}-namespace`}
            name="namespace"
            type="text"
            defaultValue={kept(state, 'namespace', rule?.namespace ?? '')}
            {...describedBy(state, 'namespace', P, true)}
          />
          <FieldMessages
            state={state}
            field="namespace"
            idPrefix={P}
            hint="A name or a glob (team-*); empty: every namespace."
          />
        </div>
        <div className={styles.field}>
          <label htmlFor={`${P}-severity`}>Severity</label>
          <select
            id={`${P}-severity`}
            name="severity"
            defaultValue={kept(state, 'severity', rule?.severity ?? 'warning')}
            {...describedBy(state, 'severity', P)}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {severityOf(s).label}
              </option>
            ))}
          </select>
          <FieldMessages state={state} field="severity" idPrefix={P} />
        </div>
      </div>
      <div className={styles.field}>
        <label htmlFor={`${P}-labels`}>Workload labels</label>
        <textarea
          id={`${P}-labels`}
          name="matchLabels"
          rows={3}
          defaultValue={kept(state, 'matchLabels', formatMatchLabels(rule?.matchLabels ?? null))}
          {...describedBy(state, 'matchLabels', P, true)}
        />
        <FieldMessages
          state={state}
          field="matchLabels"
          idPrefix={P}
          hint="One key=value a line; a workload must carry them all. Empty: any workload."
        />
      </div>
      <fieldset className={styles.fieldset} {...describedBy(state, 'channelIds', P)}>
        <legend>Send to</legend>
        {channels.length === 0 ? (
          <p className={styles.hint}>
            No channels yet: <a href="/alerts/channels">add one</a> first.
          </p>
        ) : (
          <div className={styles.choices}>
            {channels.map((channel) => (
              <div key={channel.id} className={styles.choice}>
                <input
                  id={`${P}-channel-${channel.id}`}
                  type="checkbox"
                  name="channelIds"
                  value={channel.id}
                  defaultChecked={channelIds.includes(channel.id)}
                />
                <label htmlFor={`${P}-channel-${channel.id}`}>{channel.name}</label>
              </div>
            ))}
          </div>
        )}
        <FieldMessages state={state} field="channelIds" idPrefix={P} />
      </fieldset>
      <div className={styles.choice}>
        <input id={`${P}-enabled`} type="checkbox" name="enabled" defaultChecked={enabled} />
        <label htmlFor={`${P}-enabled`}>Enabled</label>
      </div>
    </ActionForm>
  );
}

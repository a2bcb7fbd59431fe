'use client';

import type { ChannelItem, ChannelType } from '@palisade/api-contract';
import { useActionState, useState, useSyncExternalStore } from 'react';
import { saveChannel } from './actions';
import styles from './alerts.module.css';
import { CHANNEL_TYPES, CHANNEL_TYPE_LABELS } from './describe';
import { ActionForm, describedBy, FieldMessages, InputField, kept } from './form-parts';
import { INITIAL_FORM_STATE, type FormState } from './form-state';

const P = 'channel';
// Hydration never changes back: nothing to subscribe to.
const noSubscription = () => () => undefined;

/**
 * Adds or edits a channel. Every type's fields are in the page; with JavaScript only the chosen
 * type's are shown (without it, the server reads only the chosen type's). Secrets are
 * write-only: an edit shows empty fields that keep the stored values when left empty.
 */
export function ChannelForm({ channel }: { readonly channel?: ChannelItem }) {
  const [state, action, saving] = useActionState(saveChannel, INITIAL_FORM_STATE);
  const initialType = kept(state, 'type', channel?.type ?? 'webhook') as ChannelType;
  return (
    <ActionForm
      state={state}
      action={action}
      pending={saving}
      idPrefix={P}
      title={channel ? `Edit channel ${channel.name}` : 'Add a channel'}
      submit={[channel ? 'Save channel' : 'Add channel', 'Saving…']}
      cancelHref={channel ? '/alerts/channels' : undefined}
    >
      <ChannelFields state={state} channel={channel} initialType={initialType} />
    </ActionForm>
  );
}

function ChannelFields({
  state,
  channel,
  initialType,
}: {
  readonly state: FormState;
  readonly channel: ChannelItem | undefined;
  readonly initialType: ChannelType;
}) {
  const [type, setType] = useState<ChannelType>(initialType);
  // False in the server's HTML: without JavaScript every type's fields stay visible.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const shown = (t: ChannelType) => !hydrated || t === type;
  const settings = channel?.type === 'email' ? channel.settings : {};
  const setting = (key: string) => {
    const value = settings[key];
    return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
  };
  const sameType = (t: ChannelType) => channel?.type === t;
  const urlHint = (t: ChannelType, what: string) =>
    sameType(t)
      ? `${what} Leave empty to keep the current one (it sends to ${channel?.target}).`
      : what;

  const urlField = (t: Exclude<ChannelType, 'email'>, label: string, hint: string) => (
    <div className={styles.field}>
      <label htmlFor={`${P}-${t}-url`}>{label}</label>
      <input
        id={`${P}-${t}-url`}
        name={`${t}.url`}
        type="url"
        autoComplete="off"
        defaultValue={kept(state, `${t}.url`)}
        {...describedBy(state, 'url', `${P}-${t}`, true)}
      />
      <FieldMessages state={state} field="url" idPrefix={`${P}-${t}`} hint={urlHint(t, hint)} />
    </div>
  );

  return (
    <>
      {channel ? <input type="hidden" name="id" value={channel.id} /> : null}
      <div className={styles.row}>
        <InputField
          state={state}
          idPrefix={P}
          name="name"
          label="Name"
          stored={channel?.name}
          required
          maxLength={200}
        />
        <div className={styles.field}>
          <label htmlFor={`${P}-type`}>Type</label>
          <select
            id={`${P}-type`}
            name="type"
            value={type}
            onChange={(event) => setType(event.target.value as ChannelType)}
            {...describedBy(state, 'type', P)}
          >
            {CHANNEL_TYPES.map((t) => (
              <option key={t} value={t}>
                {CHANNEL_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
          <FieldMessages state={state} field="type" idPrefix={P} />
        </div>
      </div>
      <fieldset className={styles.fieldset} hidden={!shown('webhook')}>
        <legend>Webhook settings</legend>
        {urlField('webhook', 'Webhook URL', 'Palisade POSTs JSON alerts to it.')}
        <div className={styles.field}>
          <label htmlFor={`${P}-webhook-secret`}>Signing secret</label>
          <input
            id={`${P}-webhook-secret`}
            name="webhook.secret"
            type="password"
            autoComplete="new-password"
            {...describedBy(state, 'secret', P, true)}
          />
          <FieldMessages
            state={state}
            field="secret"
            idPrefix={P}
            hint={
              sameType('webhook') && channel?.hasSecret
                ? 'A secret is set. Leave empty to keep it; type a new one to replace it.'
                : 'Optional: signs each request (X-Palisade-Signature: sha256=HMAC of the body).'
            }
          />
        </div>
      </fieldset>
      <fieldset className={styles.fieldset} hidden={!shown('slack')}>
        <legend>Slack settings</legend>
        {urlField('slack', 'Slack incoming webhook URL', 'From a Slack app’s Incoming Webhooks.')}
      </fieldset>
      <fieldset className={styles.fieldset} hidden={!shown('teams')}>
        <legend>Microsoft Teams settings</legend>
        {urlField('teams', 'Teams webhook URL', 'A Teams workflow or incoming webhook URL.')}
      </fieldset>
      <fieldset className={styles.fieldset} hidden={!shown('alertmanager')}>
        <legend>Alertmanager settings</legend>
        {urlField(
          'alertmanager',
          'Alertmanager URL',
          'Its base URL (e.g. http://alertmanager:9093).',
        )}
      </fieldset>
      <fieldset className={styles.fieldset} hidden={!shown('email')}>
        <legend>Email settings</legend>
        <div className={styles.row}>
          <EmailField state={state} name="host" label="SMTP host" stored={setting('host')} />
          <EmailField
            state={state}
            name="port"
            label="Port"
            type="number"
            stored={setting('port')}
            hint="587 when empty."
          />
          <EmailField state={state} name="user" label="SMTP user" stored={setting('user')} />
          <div className={styles.field}>
            <label htmlFor={`${P}-email-password`}>SMTP password</label>
            <input
              id={`${P}-email-password`}
              name="email.password"
              type="password"
              autoComplete="new-password"
              {...describedBy(state, 'password', P, true)}
            />
            <FieldMessages
              state={state}
              field="password"
              idPrefix={P}
              hint={
                sameType('email') && channel?.hasSecret
                  ? 'A password is set. Leave empty to keep it.'
                  : 'Optional.'
              }
            />
          </div>
        </div>
        <div className={styles.choice}>
          <input
            id={`${P}-email-secure`}
            type="checkbox"
            name="email.secure"
            defaultChecked={
              state.values ? Boolean(state.values['email.secure']) : settings['secure'] === true
            }
          />
          <label htmlFor={`${P}-email-secure`}>Implicit TLS (port 465)</label>
        </div>
        <div className={styles.row}>
          <EmailField
            state={state}
            name="from"
            label="From"
            type="email"
            stored={setting('from')}
          />
          <EmailField
            state={state}
            name="to"
            label="To"
            stored={Array.isArray(settings['to']) ? settings['to'].join(', ') : ''}
            hint="One or more addresses, separated by commas."
          />
        </div>
      </fieldset>
    </>
  );
}

function EmailField({
  state,
  name,
  label,
  stored,
  type = 'text',
  hint,
}: {
  readonly state: FormState;
  readonly name: string;
  readonly label: string;
  readonly stored: string;
  readonly type?: string;
  readonly hint?: string;
}) {
  const prefix = `${P}-email`;
  return (
    <div className={styles.field}>
      <label htmlFor={`${prefix}-${name}`}>{label}</label>
      <input
        id={`${prefix}-${name}`}
        name={`email.${name}`}
        type={type}
        defaultValue={kept(state, `email.${name}`, stored)}
        {...describedBy(state, name, prefix, hint !== undefined)}
      />
      <FieldMessages state={state} field={name} idPrefix={prefix} hint={hint} />
    </div>
  );
}

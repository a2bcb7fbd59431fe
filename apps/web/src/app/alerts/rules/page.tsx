import type { Metadata } from 'next';
import { connection } from 'next/server';
import { first, type SearchParams } from '../../../alerts/alerts-url';
import { RuleForm } from '../../../alerts/rule-form';
import { RulesTable } from '../../../alerts/rules-table';
import { ApiUnavailable } from '../../../components/api-unavailable';
import { ReadOnlyNote } from '../../../auth/read-only-note';
import dashboard from '../../../components/dashboard.module.css';
import { listChannels, listRules } from '../../../data-access/alerts-data';
import { listClusters } from '../../../data-access/clusters';
import { can } from '../../../auth/roles';
import { currentRole } from '../../../data-access/session';

export const metadata: Metadata = { title: 'Alert rules' };

export default async function RulesPage({
  searchParams,
}: {
  readonly searchParams: Promise<SearchParams>;
}) {
  await connection();
  const editId = first((await searchParams)['edit']);
  const [rules, channels, clusters, role] = await Promise.all([
    listRules(),
    listChannels(),
    listClusters(),
    currentRole(),
  ]);
  const canEdit = can(role, 'rules.write');
  if (!rules.ok) return <ApiUnavailable error={rules.error} />;
  if (!channels.ok) return <ApiUnavailable error={channels.error} />;
  const clusterList = clusters.ok ? clusters.data.items : [];
  const editing = editId ? rules.data.items.find((r) => r.id === editId) : undefined;
  return (
    <>
      <section aria-labelledby="rules-title" className={dashboard.section}>
        <h2 id="rules-title">Rules</h2>
        {rules.data.items.length === 0 ? (
          <p>
            No rules yet{canEdit ? ': add one below to choose which changes alert whom.' : '.'}
            {channels.data.items.some((c) => c.builtIn)
              ? ' Until then every alert kind goes to the ALERT_WEBHOOK_URL channel.'
              : ' Until then no alert is sent anywhere.'}
          </p>
        ) : (
          <RulesTable
            rules={rules.data.items}
            clusterNames={new Map(clusterList.map((c) => [c.id, c.name]))}
            channelNames={new Map(channels.data.items.map((c) => [c.id, c.name]))}
            canEdit={canEdit}
          />
        )}
      </section>
      {!canEdit ? (
        <ReadOnlyNote role={role} what="add or change alert rules" needs="admin" />
      ) : (
        <section
          aria-label={editing ? 'Edit the rule' : 'Add a rule'}
          className={dashboard.section}
        >
          {editId && !editing ? (
            <p role="alert">
              No rule with this id: it may have been deleted. <a href="/alerts/rules">Add a rule</a>{' '}
              instead.
            </p>
          ) : (
            <RuleForm
              key={editing?.id ?? 'new'}
              {...(editing ? { rule: editing } : {})}
              clusters={clusterList}
              channels={channels.data.items}
            />
          )}
        </section>
      )}
    </>
  );
}

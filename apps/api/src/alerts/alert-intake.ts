import { Inject, Injectable } from '@nestjs/common';
import type { Prisma } from '@palisade/prisma-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import type { Tx } from '../database/prisma';
import type { SnapshotHook, StoredChanges } from '../snapshots/snapshots.repository';
import { AlertCandidate, candidatesOf } from './alert-kinds';
import { AlertsRepository, openKeyOf } from './alerts.repository';
import { CLOCK, Clock } from '../common/clock';
import { excepted, ExceptionsRepository } from './exceptions/exceptions.repository';
import { effectiveRules, firstMatch } from './rules/alert-rule';
import { ruleSpecOf } from './rules/rule-rows';

/**
 * Opens pending alerts for the change events of a snapshot, inside the snapshot's transaction:
 * the events and their alerts are stored together or not at all. An alert about a workload under
 * an active exception opens suppressed.
 */
@Injectable()
export class AlertIntake implements SnapshotHook {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: AlertsRepository,
    private readonly exceptions: ExceptionsRepository,
  ) {}

  async afterChanges(tx: Tx, stored: StoredChanges): Promise<void> {
    const changes = stored.changes.map((change) => candidatesOf(change)).filter((c) => c.length > 0);
    if (changes.length === 0) return;
    const { enabled, count } = await this.repository.rules(tx);
    const rules = effectiveRules(enabled.map(ruleSpecOf), count, this.config.alerts.defaultWebhook !== undefined);
    if (rules.length === 0) return;

    const now = this.clock.now();
    const fireAt = new Date(now.getTime() + this.config.alerts.graceMs);
    const workloads = changes.flat().flatMap((c) => (c.namespace && c.workload ? [{ namespace: c.namespace, workload: c.workload }] : []));
    const [labels, exceptions] = await Promise.all([
      this.repository.workloadLabels(tx, stored.clusterId, workloads),
      this.exceptions.active(stored.clusterId, now, tx),
    ]);
    const labelsOf = (c: AlertCandidate) => (c.namespace && c.workload ? labels.get(`${c.namespace}/${c.workload}`) : undefined);

    const rows: Prisma.AlertCreateManyInput[] = [];
    for (const candidates of changes) {
      for (const rule of rules) {
        const match = firstMatch(rule, stored.clusterId, candidates, labelsOf);
        if (!match) continue;
        const workloadLabels = labelsOf(match);
        rows.push({
          clusterId: stored.clusterId,
          ruleId: rule.id,
          kind: match.kind,
          severity: rule.severity,
          subject: match.subject,
          namespace: match.namespace ?? null,
          workload: match.workload ?? null,
          policy: match.policy ?? null,
          channelIds: [...rule.channelIds],
          // Held while an exception covers the workload; it fires if the exception ends first.
          status: excepted(exceptions, match.namespace ?? null, match.workload ?? null) ? 'suppressed' : 'pending',
          openKey: openKeyOf(stored.clusterId, rule.id, match.subject),
          seq: stored.seq,
          details: { ...match.details, ...(workloadLabels ? { labels: workloadLabels } : {}) } as Prisma.InputJsonValue,
          openedAt: stored.takenAt,
          fireAt,
        });
      }
    }
    await this.repository.open(tx, rows);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { parsePolicyId, type AlertKind } from '@palisade/api-contract';
import type { Alert } from '@palisade/prisma-client';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { conditionHolds, SubjectState } from './alert-condition';
import { splitWorkload } from './alert-kinds';
import { notificationOf } from './alert-notification';
import { AlertsRepository, ClusterHead } from './alerts.repository';
import { CLOCK, Clock } from '../common/clock';
import type { OutboxEntry } from './deliveries/deliveries.repository';
import { excepted, ExceptionsRepository } from './exceptions/exceptions.repository';

/**
 * Moves open alerts on against the latest stored state: a pending alert whose grace period is
 * over fires if its condition still holds, and is cancelled as soon as it does not; while an
 * active exception covers its workload it is held as suppressed, and fires once the exception
 * ends if the condition still holds. A firing alert resolves once its condition no longer holds
 * (an exception added later does not recall it). Each transition queues one notification per
 * channel in the same transaction.
 */
@Injectable()
export class AlertEvaluator {
  private readonly logger = new Logger(AlertEvaluator.name);
  /** Newest snapshot whose state every open alert of the cluster was checked against. */
  private readonly checked = new Map<string, number>();

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly repository: AlertsRepository,
    private readonly exceptions: ExceptionsRepository,
  ) {}

  /** Returns how many notifications were queued. Safe to run twice or in two replicas. */
  async evaluate(): Promise<number> {
    let queued = 0;
    for (const cluster of await this.repository.clustersWithOpenAlerts()) {
      queued += await this.evaluateCluster(cluster);
    }
    return queued;
  }

  private async evaluateCluster(cluster: ClusterHead): Promise<number> {
    const now = this.clock.now();
    const stateChanged = this.checked.get(cluster.id) !== cluster.lastSeq;
    // Suppressed alerts are looked at every time: their exception may have ended.
    const open = (await this.repository.openOf(cluster.id)).filter((a) => stateChanged || a.status === 'suppressed' || (a.status === 'pending' && a.fireAt <= now));
    if (open.length === 0) return 0;
    const exceptions = await this.exceptions.active(cluster.id, now);
    let queued = 0;
    for (const alert of open) {
      const holds = conditionHolds(alert.kind as AlertKind, alert.details as Record<string, unknown>, await this.stateOf(cluster, alert), this.config.snapshots.scoreChangeThreshold);
      const isExcepted = excepted(exceptions, alert.namespace, alert.workload);
      const outbox = (status: 'firing' | 'resolved') => (a: Alert) => this.outbox(a, cluster.name, status, now);
      const log = { alertId: alert.id, kind: alert.kind, subject: alert.subject };
      if (alert.status === 'pending' || alert.status === 'suppressed') {
        if (!holds) {
          await this.repository.transition(alert.id, alert.status, 'cancelled', now, () => []);
          this.logger.log({ msg: 'alert cancelled: the condition ended before it fired', ...log });
        } else if (isExcepted) {
          if (alert.status === 'pending' && (await this.repository.transition(alert.id, 'pending', 'suppressed', now, () => []))) {
            this.logger.log({ msg: 'alert suppressed by an exception', ...log });
          }
        } else if (alert.fireAt <= now) {
          if (await this.repository.transition(alert.id, alert.status, 'firing', now, outbox('firing'))) {
            queued += alert.channelIds.length;
            this.logger.log({ msg: 'alert firing', ...log, channels: alert.channelIds.length });
          }
        } else if (alert.status === 'suppressed') {
          await this.repository.transition(alert.id, 'suppressed', 'pending', now, () => []);
        }
      } else if (!holds) {
        if (await this.repository.transition(alert.id, 'firing', 'resolved', now, outbox('resolved'))) {
          queued += alert.channelIds.length;
          this.logger.log({ msg: 'alert resolved', ...log });
        }
      }
    }
    if (stateChanged) this.checked.set(cluster.id, cluster.lastSeq);
    return queued;
  }

  private outbox(alert: Alert, clusterName: string, status: 'firing' | 'resolved', now: Date): OutboxEntry[] {
    const payload = notificationOf(alert, clusterName, status, now, this.config.alerts.publicUrl);
    return alert.channelIds.map((channelId) => ({ alertId: alert.id, channelId, transition: status, payload }));
  }

  private async stateOf(cluster: ClusterHead, alert: Alert): Promise<SubjectState> {
    switch (alert.kind as AlertKind) {
      case 'WORKLOAD_EXPOSED':
      case 'WORKLOAD_ADDED_UNPROTECTED':
      case 'INTERNET_EXPOSURE': {
        if (!alert.namespace || !alert.workload) return { workload: null };
        const { kind, name } = splitWorkload(alert.workload);
        return { workload: await this.repository.workloadScore(cluster.id, alert.namespace, kind, name) };
      }
      case 'NAMESPACE_LOST_DEFAULT_DENY':
        return { namespace: alert.namespace ? await this.repository.namespaceDetails(cluster.id, alert.namespace) : null };
      case 'POLICY_REMOVED': {
        const ref = parsePolicyId(alert.policy ?? '');
        return { policyPresent: ref ? await this.repository.policyPresent(cluster.id, ref.kind, ref.namespace ?? '', ref.name) : false };
      }
      case 'SCORE_DROPPED':
        return { clusterScore: cluster.score };
    }
  }
}

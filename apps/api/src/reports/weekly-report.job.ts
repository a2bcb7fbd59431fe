import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import type { ReportData } from '@palisade/api-contract';
import type { Report } from '@palisade/prisma-client';
import { CronJob } from 'cron';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REPORT_CLOCK, ReportClock } from './clock';
import { renderHtml } from './render/html';
import { renderPdf } from './render/pdf';
import { ReportMailer } from './report-mailer';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';

const JOB_NAME = 'weekly-report';

export interface WeeklyRun {
  readonly from: Date;
  readonly to: Date;
  /** The fleet report first, then one per cluster (existing ones when the period was done). */
  readonly reports: readonly Report[];
  readonly emailed: boolean;
}

/** The whole UTC days before `now`: a run at any time of one day covers the same period. */
export function weeklyPeriod(now: Date, periodMs: number): { from: Date; to: Date } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  return { from: new Date(to.getTime() - periodMs), to };
}

/**
 * On REPORT_CRON (UTC): the fleet report and one per cluster over the last REPORT_PERIOD, then
 * one email with the fleet report as its body and every PDF attached. Safe to run twice: a
 * report exists once per (scope, cluster, period) and an emailed run is not emailed again.
 */
@Injectable()
export class WeeklyReportJob implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(WeeklyReportJob.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    private readonly reports: ReportsService,
    private readonly repository: ReportsRepository,
    private readonly mailer: ReportMailer,
    private readonly scheduler: SchedulerRegistry,
  ) {}

  onApplicationBootstrap(): void {
    const job = CronJob.from({
      cronTime: this.config.reports.cron,
      timeZone: 'UTC',
      onTick: () => void this.run().catch((error) => this.logger.error({ msg: 'weekly report run failed', error: String(error) })),
      start: true,
    });
    this.scheduler.addCronJob(JOB_NAME, job);
  }

  onModuleDestroy(): void {
    if (this.scheduler.doesExist('cron', JOB_NAME)) this.scheduler.deleteCronJob(JOB_NAME);
  }

  async run(now: Date = this.clock.now()): Promise<WeeklyRun> {
    const { from, to } = weeklyPeriod(now, this.config.reports.periodMs);
    const period = `${from.toISOString()}:${to.toISOString()}`;
    const targets = [undefined, ...(await this.repository.clusters()).map((c) => c.id)];
    const reports: Report[] = [];
    for (const clusterId of targets) {
      try {
        const periodKey = clusterId ? `cluster:${clusterId}:${period}` : `fleet:${period}`;
        reports.push(await this.reports.generate({ clusterId, from, to, trigger: 'schedule', periodKey }));
      } catch (error) {
        // One failing cluster does not cost the others their report; the next run retries it.
        this.logger.error({ msg: 'scheduled report failed', clusterId: clusterId ?? 'fleet', error: String(error) });
      }
    }
    let emailed = false;
    try {
      emailed = await this.email(reports);
    } catch (error) {
      // The reports stay stored and un-emailed: a later run for the same period sends them.
      this.logger.error({ msg: 'weekly report email failed', error: String(error) });
    }
    return { from, to, reports, emailed };
  }

  private async email(reports: readonly Report[]): Promise<boolean> {
    const ready = reports.filter((r) => r.status === 'ready' && r.data !== null);
    const fleet = ready.find((r) => r.scope === 'fleet');
    if (!fleet || !this.mailer.enabled) return false;
    if (fleet.emailedAt) return false;
    const data = fleet.data as unknown as ReportData;
    const attachments = [];
    for (const r of ready) {
      const d = r.data as unknown as ReportData;
      const name = (r.clusterName ?? 'fleet').replace(/[^A-Za-z0-9._-]+/g, '-') || 'cluster';
      attachments.push({ filename: `palisade-report-${name}-${r.to.toISOString().slice(0, 10)}.pdf`, content: await renderPdf(d), contentType: 'application/pdf' });
    }
    const s = data.summary;
    const text = [
      data.title,
      '',
      `Score ${s.scoreStart ?? '-'} -> ${s.scoreEnd ?? '-'}; unprotected workloads ${s.unprotectedWorkloads}; exposed ${s.exposedWorkloads}.`,
      `Controls: ${s.controls.pass} pass, ${s.controls.fail} fail, ${s.controls.notAssessable} not assessable.`,
      '',
      `The PDF reports are attached. Every report: ${this.config.alerts.publicUrl}/reports`,
    ].join('\n');
    await this.mailer.send({ subject: data.title, html: renderHtml(data), text, attachments });
    const at = this.clock.now();
    for (const r of ready) await this.repository.markEmailed(r.id, at);
    return true;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { REPORT_FORMATS, ReportData, ReportDetail, ReportFormat, ReportItem, ReportSummary, Page } from '@palisade/api-contract';
import type { Prisma, Report } from '@palisade/prisma-client';
import { ApiError } from '../common/api-error';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { REPORT_CLOCK, ReportClock } from './clock';
import { buildReport } from './report-builder';
import { renderReport, RenderedReport } from './render';
import { ReportsRepository } from './reports.repository';

export interface ReportRequest {
  /** Absent: the fleet. */
  readonly clusterId?: string;
  readonly from?: Date;
  readonly to?: Date;
}

export interface Download extends RenderedReport {
  readonly filename: string;
}

/** A scheduled report still `generating` after this long was abandoned by its run. */
const STALE_CLAIM_MS = 60 * 60_000;

function itemOf(row: Omit<Report, 'data'>): ReportItem {
  const downloads = Object.fromEntries(REPORT_FORMATS.map((f) => [f, `/api/reports/${row.id}/download?format=${f}`])) as Record<ReportFormat, string>;
  return {
    id: row.id,
    scope: row.scope as ReportItem['scope'],
    clusterId: row.clusterId,
    clusterName: row.clusterName,
    from: row.from.toISOString(),
    to: row.to.toISOString(),
    trigger: row.trigger as ReportItem['trigger'],
    status: row.status as ReportItem['status'],
    error: row.error,
    summary: row.status === 'ready' ? (row.summary as unknown as ReportSummary) : null,
    emailedAt: row.emailedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    downloads,
  };
}

export function detailOf(row: Report): ReportDetail {
  return { ...itemOf(row), data: (row.data as unknown as ReportData | null) ?? null };
}

/** "palisade-report-prod-2026-01-05" (cluster names may hold any character: keep a safe subset). */
function filenameOf(row: Report, extension: string): string {
  const subject = (row.clusterName ?? 'fleet').replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'cluster';
  return `palisade-report-${subject}-${row.to.toISOString().slice(0, 10)}.${extension}`;
}

/** Generates reports from the stored history, stores them, and renders their formats. */
@Injectable()
export class ReportsService {
  private readonly logger = new Logger(ReportsService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(REPORT_CLOCK) private readonly clock: ReportClock,
    private readonly repository: ReportsRepository,
  ) {}

  /** The period a request covers: up to `to` (default now), REPORT_PERIOD long unless `from` is given. */
  period(request: ReportRequest): { from: Date; to: Date } {
    const to = request.to ?? this.clock.now();
    const from = request.from ?? new Date(to.getTime() - this.config.reports.periodMs);
    if (from >= to) throw new ApiError('invalid-request', 'from must be before to', { from: from.toISOString(), to: to.toISOString() });
    return { from, to };
  }

  /** POST /api/reports: generates a report now and answers it. */
  async create(request: ReportRequest): Promise<ReportDetail> {
    const { from, to } = this.period(request);
    const report = await this.generate({ clusterId: request.clusterId, from, to, trigger: 'manual', periodKey: null });
    return detailOf(report);
  }

  /**
   * Generates and stores one report. With a periodKey (scheduled reports), a report of that
   * period that exists already is answered instead (null when another run is generating it).
   */
  async generate(request: { clusterId: string | undefined; from: Date; to: Date; trigger: 'schedule' | 'manual'; periodKey: string | null }): Promise<Report> {
    const clusters = await this.repository.clusters(request.clusterId);
    if (request.clusterId && clusters.length === 0) throw new ApiError('cluster-not-found', `no cluster with id ${request.clusterId}`);
    const cluster = request.clusterId ? clusters[0] : undefined;
    const claim = {
      scope: request.clusterId ? ('cluster' as const) : ('fleet' as const),
      clusterId: cluster?.id ?? null,
      clusterName: cluster?.name ?? null,
      from: request.from,
      to: request.to,
      trigger: request.trigger,
      periodKey: request.periodKey,
      createdAt: this.clock.now(),
    };
    let row = await this.repository.claim(claim);
    if (!row && request.periodKey) {
      const existing = await this.repository.findByPeriodKey(request.periodKey);
      // A run that died while generating (a crash, a deploy) leaves its claim: take it over once stale.
      const stale = existing?.status === 'generating' && this.clock.now().getTime() - existing.createdAt.getTime() > STALE_CLAIM_MS;
      if (existing && existing.status !== 'failed' && !stale) return existing;
      if (existing) await this.repository.release(existing.id);
      row = await this.repository.claim(claim);
    }
    if (!row) throw new Error(`report of period ${request.periodKey} is being generated by another run`);
    try {
      const histories = [];
      for (const c of clusters) histories.push(await this.repository.history(c, request.from, request.to));
      const exceptions = await this.repository.exceptions(clusters.map((c) => c.id));
      const data = buildReport({ scope: claim.scope, from: request.from, to: request.to, generatedAt: this.clock.now(), clusters: histories, exceptions });
      const done = await this.repository.complete(row.id, data.summary as unknown as Prisma.InputJsonValue, data as unknown as Prisma.InputJsonValue);
      this.logger.log({ msg: 'report generated', id: row.id, scope: claim.scope, cluster: cluster?.name, from: request.from.toISOString(), to: request.to.toISOString(), trigger: request.trigger });
      return done;
    } catch (error) {
      this.logger.error({ msg: 'report generation failed', id: row.id, error: String(error) });
      await this.repository.fail(row.id, String(error)).catch(() => undefined);
      throw error;
    }
  }

  async list(filter: { clusterId?: string; scope?: 'cluster' | 'fleet'; limit: number; offset: number }): Promise<Page<ReportItem>> {
    const [rows, total] = await this.repository.list(filter);
    return { items: rows.map(itemOf), total };
  }

  async get(id: string): Promise<ReportDetail> {
    return detailOf(await this.require(id));
  }

  async download(id: string, format: ReportFormat): Promise<Download> {
    const row = await this.require(id);
    if (row.status !== 'ready' || row.data === null) {
      throw new ApiError('report-not-ready', `report ${id} is ${row.status}${row.error ? `: ${row.error}` : ''}`, { status: row.status });
    }
    const rendered = await renderReport(row.data as unknown as ReportData, format);
    return { ...rendered, filename: filenameOf(row, rendered.extension) };
  }

  private async require(id: string): Promise<Report> {
    const row = await this.repository.find(id);
    if (!row) throw new ApiError('report-not-found', `no report with id ${id}`);
    return row;
  }
}

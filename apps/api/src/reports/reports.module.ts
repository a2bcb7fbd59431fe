import { Module } from '@nestjs/common';
import { REPORT_CLOCK, systemReportClock } from './clock';
import { ReportMailer } from './report-mailer';
import { ReportsController } from './reports.controller';
import { ReportsRepository } from './reports.repository';
import { ReportsService } from './reports.service';
import { WeeklyReportJob } from './weekly-report.job';

/** Compliance reports: generated on demand and weekly, stored, downloaded in four formats, emailed. */
@Module({
  controllers: [ReportsController],
  providers: [{ provide: REPORT_CLOCK, useValue: systemReportClock }, ReportsRepository, ReportsService, ReportMailer, WeeklyReportJob],
})
export class ReportsModule {}

/** The time, injected so tests choose "now" (the default period ends there). */
export interface ReportClock {
  now(): Date;
}

export const REPORT_CLOCK = Symbol('REPORT_CLOCK');

export const systemReportClock: ReportClock = { now: () => new Date() };

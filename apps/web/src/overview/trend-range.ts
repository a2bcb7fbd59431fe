/** The score trend's range, kept in the URL (`?range=month`). */
export const TREND_RANGES = ['day', 'week', 'month', 'year'] as const;
export type TrendRange = (typeof TREND_RANGES)[number];

const DAY_MS = 86_400_000;

const ranges = {
  day: { label: 'Day', days: 1, bucket: 'raw' },
  week: { label: 'Week', days: 7, bucket: 'hour' },
  month: { label: 'Month', days: 30, bucket: 'hour' },
  year: { label: 'Year', days: 365, bucket: 'day' },
} as const satisfies Record<
  TrendRange,
  { readonly label: string; readonly days: number; readonly bucket: 'raw' | 'hour' | 'day' }
>;

export function parseTrendRange(value: string | string[] | undefined): TrendRange {
  const text = Array.isArray(value) ? value[0] : value;
  return (TREND_RANGES as readonly string[]).includes(text ?? '') ? (text as TrendRange) : 'week';
}

export function trendLabel(range: TrendRange): string {
  return ranges[range].label;
}

/** The score history query for a range ending now: every snapshot for a day, averages beyond. */
export function trendQuery(
  range: TrendRange,
  now: Date,
): { readonly from: string; readonly bucket: 'raw' | 'hour' | 'day' } {
  const { days, bucket } = ranges[range];
  return { from: new Date(now.getTime() - days * DAY_MS).toISOString(), bucket };
}

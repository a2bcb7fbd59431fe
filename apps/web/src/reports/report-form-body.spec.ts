import { reportBodyOf } from './report-form-body';
import { downloadHref, periodText } from './report-text';

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(entries)) data.append(key, value);
  return data;
}

describe('report form -> POST /api/reports body', () => {
  it('sends nothing for the fleet over the default period', () => {
    expect(reportBodyOf(form({ scope: 'fleet', from: '', to: '' }))).toEqual({
      ok: true,
      body: {},
    });
  });

  it('sends the cluster, and the dates as a [from, to) period including the "to" day', () => {
    expect(reportBodyOf(form({ scope: 'c1', from: '2026-01-01', to: '2026-01-07' }))).toEqual({
      ok: true,
      body: {
        clusterId: 'c1',
        from: '2026-01-01T00:00:00.000Z',
        to: '2026-01-08T00:00:00.000Z',
      },
    });
  });

  it('refuses a date it cannot read', () => {
    expect(reportBodyOf(form({ scope: 'fleet', from: '2026-13-01' }))).toEqual({
      ok: false,
      errors: [{ field: 'from', message: 'must be a date (YYYY-MM-DD)' }],
    });
  });

  it('shows a period of whole days as its first and last day', () => {
    expect(periodText('2026-01-01T00:00:00.000Z', '2026-01-08T00:00:00.000Z')).toBe(
      '2026-01-01 – 2026-01-07 (UTC)',
    );
    expect(periodText('2026-01-01T10:30:00.000Z', '2026-01-08T10:30:00.000Z')).toBe(
      '2026-01-01 10:30 – 2026-01-08 10:30 UTC',
    );
    expect(downloadHref('r 1', 'pdf')).toBe('/api/reports/r%201/download?format=pdf');
  });
});

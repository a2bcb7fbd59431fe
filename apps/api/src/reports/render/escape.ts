/**
 * Text from a cluster (names, labels, annotations) is attacker-controlled: anyone who can label
 * a Deployment writes into the report. Each format gets it as inert text.
 */

/** HTML text and attribute values (the report is also shown inside the dashboard). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * One CSV cell, always quoted. A text cell that a spreadsheet would read as a formula (starting
 * with = + - @, or a tab or carriage return that some strip first) gets a leading apostrophe
 * (OWASP's CSV injection advice), so `=HYPERLINK(...)` in a label stays text.
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '""';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: readonly (string | number | boolean | null)[]): string {
  return values.map(csvCell).join(',');
}

/** A number for display: "72.5", or an en dash when unknown. */
export function figure(value: number | null, suffix = ''): string {
  return value === null ? '–' : `${Math.round(value * 10) / 10}${suffix}`;
}

/** "+4.5" / "-3" / "±0" between two scores, or "" when either is unknown. */
export function delta(from: number | null, to: number | null): string {
  if (from === null || to === null) return '';
  const d = Math.round((to - from) * 10) / 10;
  return d > 0 ? `+${d}` : d < 0 ? `${d}` : '±0';
}

/** "2026-01-07 08:00 UTC". */
export function when(iso: string | null): string {
  return iso === null ? '–' : `${iso.slice(0, 16).replace('T', ' ')} UTC`;
}

import type { ReportData } from '@palisade/api-contract';
import { escapeHtml } from './escape';

/** The trend chart's geometry, shared by the SVG (HTML) and the drawn lines (PDF). */
export interface ChartGeometry {
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly left: number; readonly top: number; readonly right: number; readonly bottom: number };
  readonly lines: readonly { readonly name: string; readonly color: string; readonly points: readonly (readonly [number, number])[] }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
}

const COLORS = ['#2563eb', '#16a34a', '#dc2626', '#9333ea', '#ea580c', '#0891b2', '#ca8a04', '#4b5563'];

/** Scores (0-100) over [from, to), one line per cluster. */
export function chartGeometry(data: ReportData, width = 720, height = 220): ChartGeometry {
  const plot = { left: 40, top: 12, right: width - 12, bottom: height - 28 };
  const from = new Date(data.from).getTime();
  const span = Math.max(1, new Date(data.to).getTime() - from);
  const x = (iso: string) => plot.left + ((new Date(iso).getTime() - from) / span) * (plot.right - plot.left);
  const y = (score: number) => plot.bottom - (Math.max(0, Math.min(100, score)) / 100) * (plot.bottom - plot.top);
  const lines = data.clusters.map((c, i) => ({
    name: c.name,
    color: COLORS[i % COLORS.length] as string,
    points: c.series.filter((p) => p.score !== null).map((p) => [Math.round(x(p.at) * 10) / 10, Math.round(y(p.score as number) * 10) / 10] as const),
  }));
  const yTicks = [0, 25, 50, 75, 100].map((v) => ({ y: y(v), label: String(v) }));
  const days = Math.max(1, Math.round(span / 86_400_000));
  const step = Math.max(1, Math.ceil(days / 7));
  const xTicks: { x: number; label: string }[] = [];
  // The end is excluded from the period: no tick there.
  for (let d = 0; d < days; d += step) {
    const at = new Date(from + d * 86_400_000);
    xTicks.push({ x: x(at.toISOString()), label: at.toISOString().slice(5, 10) });
  }
  return { width, height, plot, lines, yTicks, xTicks };
}

/** An inline SVG of the chart: no script, no external reference; names escaped. */
export function renderSvgChart(data: ReportData): string {
  const g = chartGeometry(data);
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${g.width} ${g.height}" width="100%" style="max-width:${g.width}px" role="img" aria-label="Isolation score over the period">`,
    `<rect x="${g.plot.left}" y="${g.plot.top}" width="${g.plot.right - g.plot.left}" height="${g.plot.bottom - g.plot.top}" fill="#f8fafc" stroke="#cbd5e1"/>`,
  ];
  for (const t of g.yTicks) {
    parts.push(`<line x1="${g.plot.left}" x2="${g.plot.right}" y1="${t.y}" y2="${t.y}" stroke="#e2e8f0"/>`);
    parts.push(`<text x="${g.plot.left - 6}" y="${t.y + 4}" font-size="11" text-anchor="end" fill="#475569">${t.label}</text>`);
  }
  for (const t of g.xTicks) parts.push(`<text x="${t.x}" y="${g.plot.bottom + 16}" font-size="11" text-anchor="middle" fill="#475569">${t.label}</text>`);
  for (const line of g.lines) {
    if (line.points.length === 1) {
      const [px, py] = line.points[0] as readonly [number, number];
      parts.push(`<circle cx="${px}" cy="${py}" r="3" fill="${line.color}"><title>${escapeHtml(line.name)}</title></circle>`);
    } else if (line.points.length > 1) {
      parts.push(`<polyline fill="none" stroke="${line.color}" stroke-width="2" points="${line.points.map(([px, py]) => `${px},${py}`).join(' ')}"><title>${escapeHtml(line.name)}</title></polyline>`);
    }
  }
  parts.push('</svg>');
  const legend = g.lines
    .map((l) => `<span class="legend"><span class="swatch" style="background:${l.color}"></span>${escapeHtml(l.name)}</span>`)
    .join(' ');
  return `<figure class="chart">${parts.join('')}<figcaption>${legend}</figcaption></figure>`;
}

import type { ReportChange, ReportData } from '@palisade/api-contract';
import PDFDocument from 'pdfkit';
import { chartGeometry } from './chart';
import { delta, figure, when } from './escape';
import { changeSubject, describeChange } from './html';

/** Long lists stop here in the PDF (the CSV and JSON downloads have everything). */
export const PDF_ROWS = 200;

const STATUS_WORDS = { pass: 'PASS', fail: 'FAIL', 'not-assessable': 'NOT ASSESSABLE' } as const;
const STATUS_COLORS = { pass: '#15803d', fail: '#b91c1c', 'not-assessable': '#a16207' } as const;

/**
 * The standard PDF fonts cover WinAnsi only: other characters (a CJK namespace name) would draw
 * as the wrong glyphs, so they are shown as "?". Everything is drawn as text, never interpreted.
 */
function plain(text: string): string {
  return text.replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2022\u2026\u2192]/g, '?');
}

/** The report as a PDF (A4), drawn with pdfkit's built-in fonts: nothing is loaded from the network. */
export function renderPdf(data: ReportData): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    info: { Title: plain(data.title), Author: 'Palisade', CreationDate: new Date(data.generatedAt) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const text = (t: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(plain(t), { width, ...options });
  const heading = (t: string) => {
    if (doc.y > doc.page.height - 140) doc.addPage();
    doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).fillColor('#0f172a');
    text(t);
    doc.moveDown(0.3).font('Helvetica').fontSize(9.5);
  };
  const item = (t: string) => text(`• ${t}`, { indent: 8 });
  const list = (items: readonly string[], empty: string) => {
    if (items.length === 0) {
      doc.fillColor('#64748b');
      text(empty);
      doc.fillColor('#0f172a');
      return;
    }
    for (const t of items.slice(0, PDF_ROWS)) item(t);
    if (items.length > PDF_ROWS) text(`... ${items.length - PDF_ROWS} more (see the CSV download).`);
  };
  const s = data.summary;
  const fleet = data.scope === 'fleet';
  const where = (cluster: string) => (fleet ? `${cluster}: ` : '');

  doc.font('Helvetica-Bold').fontSize(17).fillColor('#0f172a');
  text(data.title);
  doc.font('Helvetica').fontSize(9.5).fillColor('#64748b');
  text(`Period ${when(data.from)} to ${when(data.to)} (end excluded). Generated ${when(data.generatedAt)}.`);
  doc.fillColor('#0f172a');

  heading('Summary');
  text(`Isolation score: ${figure(s.scoreStart)} at the start, ${figure(s.scoreEnd)} at the end ${delta(s.scoreStart, s.scoreEnd) ? `(${delta(s.scoreStart, s.scoreEnd)})` : ''}`);
  text(`Ingress isolated: ${figure(s.ingressIsolatedPercent, '%')} of pods. Egress isolated: ${figure(s.egressIsolatedPercent, '%')} of pods.`);
  text(`Workloads: ${s.workloads}; unprotected ${s.unprotectedWorkloads}; exposed ${s.exposedWorkloads}; under an exception ${s.exceptedWorkloads}.`);
  text(`Namespaces: ${s.namespaces}; without NetworkPolicies ${s.namespacesWithoutPolicies}; without default deny: ingress ${s.namespacesWithoutDefaultDenyIngress}, egress ${s.namespacesWithoutDefaultDenyEgress}.`);
  text(`During the period: ${s.becameExposed} became exposed or unprotected, ${s.becameProtected} became protected, ${s.policyChanges} policy changes.`);
  text(`Controls: ${s.controls.pass} pass, ${s.controls.fail} fail, ${s.controls.notAssessable} not assessable.`);

  heading('Isolation score over the period');
  drawChart(doc, data, left, width);

  heading(fleet ? 'Clusters' : 'Cluster');
  for (const c of data.clusters) {
    item(
      `${c.name}: score ${figure(c.scoreStart)} -> ${figure(c.scoreEnd)} ${delta(c.scoreStart, c.scoreEnd)}; ingress isolated ${figure(c.ingressIsolatedPercent, '%')}, egress isolated ${figure(c.egressIsolatedPercent, '%')}; ${c.pods} pods; network plugin ${c.cni ?? 'not recorded'}; findings from ${when(c.snapshotAt)}`,
    );
  }

  heading('Controls');
  for (const c of data.controls) {
    if (doc.y > doc.page.height - 100) doc.addPage();
    doc.font('Helvetica-Bold').fillColor('#0f172a');
    text(`${c.id}  ${c.title}`, { continued: true });
    doc.fillColor(STATUS_COLORS[c.status]);
    text(`  ${STATUS_WORDS[c.status]}`);
    doc.font('Helvetica').fillColor('#334155');
    text(`${c.framework}. ${c.reason} Evidence: ${c.evidence.failing} of ${c.evidence.assessed} failing.`);
    for (const e of c.evidence.examples) item(e);
    doc.fillColor('#0f172a').moveDown(0.4);
  }

  heading('Namespaces without default deny');
  list(
    data.namespaces
      .filter((n) => !n.defaultDenyIngress || !n.defaultDenyEgress)
      .map((n) => `${where(n.cluster)}${n.name}: ${[n.defaultDenyIngress ? '' : 'ingress', n.defaultDenyEgress ? '' : 'egress'].filter(Boolean).join(' and ')} not denied by default; ${n.networkPolicies} NetworkPolicies`),
    'Every namespace denies ingress and egress by default.',
  );

  heading('Policies not enforced here');
  list(
    data.clusters.flatMap((c) => (c.notEnforced ?? []).map((n) => `${where(n.cluster)}${n.policy} (${n.kind}): ${n.reason}`)),
    'Every policy in the cluster is enforced by its network plugin.',
  );

  heading('Unprotected and exposed workloads');
  list(
    data.workloads
      .filter((w) => w.exceptionId === null && (w.unprotected || w.exposed))
      .map((w) => `${where(w.cluster)}${w.namespace}/${w.kind}/${w.name}: score ${figure(w.score)}; ${w.findings.join(', ')}; owner ${w.owner ?? 'unknown'}`),
    'No workload is unprotected or exposed.',
  );

  const changes = (list_: readonly ReportChange[]) =>
    list_.map((c) => `${when(c.at)} ${where(c.cluster)}${c.kind} ${changeSubject(c)} ${describeChange(c)}`.trim());
  heading('Became exposed or unprotected during the period');
  list(changes(data.changes.becameExposed), 'None.');
  heading('Became protected during the period');
  list(changes(data.changes.becameProtected), 'None.');
  heading('Policy changes');
  list(changes(data.changes.policyChanges), 'No policy was added, changed or removed.');
  heading('Default deny changes');
  list(changes(data.changes.defaultDeny), 'No namespace gained or lost default deny.');

  heading('Active exceptions (not counted as failures)');
  list(
    data.exceptions.map(
      (e) => `${e.namespace}/${e.kind}/${e.name}${e.clusterId ? '' : ' (every cluster)'}: ${e.reason}; owner ${e.owner}; ${e.expiresAt ? `expires ${when(e.expiresAt)}` : 'no expiry'}`,
    ),
    'No exception was in force at the end of the period.',
  );

  doc.end();
  return done;
}

function drawChart(doc: PDFKit.PDFDocument, data: ReportData, left: number, width: number): void {
  const height = 170;
  if (doc.y + height + 30 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const g = chartGeometry(data, width, height);
  const top = doc.y;
  const X = (x: number) => left + x;
  const Y = (y: number) => top + y;
  doc.save();
  doc.rect(X(g.plot.left), Y(g.plot.top), g.plot.right - g.plot.left, g.plot.bottom - g.plot.top).fillAndStroke('#f8fafc', '#cbd5e1');
  doc.fontSize(7).fillColor('#475569');
  for (const t of g.yTicks) {
    doc.moveTo(X(g.plot.left), Y(t.y)).lineTo(X(g.plot.right), Y(t.y)).lineWidth(0.5).strokeColor('#e2e8f0').stroke();
    doc.text(t.label, X(0), Y(t.y) - 3, { width: g.plot.left - 6, align: 'right', lineBreak: false });
  }
  for (const t of g.xTicks) doc.text(t.label, X(t.x) - 15, Y(g.plot.bottom) + 5, { width: 30, align: 'center', lineBreak: false });
  for (const line of g.lines) {
    const [first, ...rest] = line.points;
    if (!first) continue;
    if (rest.length === 0) {
      doc.circle(X(first[0]), Y(first[1]), 2).fill(line.color);
      continue;
    }
    doc.moveTo(X(first[0]), Y(first[1]));
    for (const [x, y] of rest) doc.lineTo(X(x), Y(y));
    doc.lineWidth(1.5).strokeColor(line.color).stroke();
  }
  // Legend under the chart.
  let lx = X(g.plot.left);
  const ly = Y(g.height) + 2;
  doc.fontSize(8);
  for (const line of g.lines) {
    const label = plain(line.name);
    doc.rect(lx, ly + 1, 7, 7).fill(line.color);
    doc.fillColor('#0f172a').text(label, lx + 10, ly, { lineBreak: false });
    lx += 16 + doc.widthOfString(label);
  }
  doc.restore();
  doc.x = left;
  doc.y = ly + 16;
  doc.fontSize(9.5).fillColor('#0f172a');
}

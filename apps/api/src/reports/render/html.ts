import type { ReportChange, ReportControl, ReportData } from '@palisade/api-contract';
import { EVIDENCE_LIMIT } from '../controls';
import { renderSvgChart } from './chart';
import { delta, escapeHtml as h, figure, when } from './escape';

/** Long lists stop here in HTML (the CSV and JSON downloads have every workload). */
export const HTML_ROWS = 500;

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#0f172a;margin:24px;max-width:1100px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid #e2e8f0;padding-bottom:4px}
.muted{color:#64748b}table{border-collapse:collapse;width:100%;font-size:13px}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #e2e8f0;vertical-align:top}
th{background:#f1f5f9}.cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #e2e8f0;border-radius:6px;padding:8px 12px;min-width:140px}
.card b{display:block;font-size:20px}.pass{color:#15803d;font-weight:600}.fail{color:#b91c1c;font-weight:600}.not-assessable{color:#a16207;font-weight:600}
.legend{margin-right:12px;font-size:12px}.swatch{display:inline-block;width:10px;height:10px;margin-right:4px;border-radius:2px}
figure{margin:0}ul.evidence{margin:4px 0 0;padding-left:18px}code{font-size:12px}
`;

const STATUS_WORDS: Record<ReportControl['status'], string> = { pass: 'Pass', fail: 'Fail', 'not-assessable': 'Not assessable' };

function table(headers: readonly string[], rows: readonly (readonly string[])[], empty: string): string {
  if (rows.length === 0) return `<p class="muted">${h(empty)}</p>`;
  // Cells arrive escaped (some carry markup of our own, like status classes).
  return `<table><thead><tr>${headers.map((x) => `<th>${h(x)}</th>`).join('')}</tr></thead><tbody>${rows
    .map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`)
    .join('')}</tbody></table>`;
}

function more(total: number, shown: number): string {
  return total > shown ? `<p class="muted">${shown} of ${total} shown; the CSV download lists every workload.</p>` : '';
}

/** `ns/Kind/name` of a workload, the policy id (already `ns/name`), or the namespace. */
export function changeSubject(c: ReportChange): string {
  if (c.workload) return [c.namespace, c.workload].filter(Boolean).join('/');
  return c.policy ?? c.namespace ?? '';
}

function changeRows(list: readonly ReportChange[], fleet: boolean): string[][] {
  return list.map((c) => [
    h(when(c.at)),
    ...(fleet ? [h(c.cluster)] : []),
    h(c.kind),
    h(changeSubject(c)),
    h(describeChange(c)),
  ]);
}

/** Details of a change in words (reasons, affected workloads, direction). */
export function describeChange(c: ReportChange): string {
  const d = c.details;
  const parts: string[] = [];
  if (Array.isArray(d['reasons'])) parts.push((d['reasons'] as unknown[]).map(String).join(', '));
  if (typeof d['direction'] === 'string') parts.push(d['direction']);
  if (Array.isArray(d['affectedWorkloads']) && d['affectedWorkloads'].length > 0) parts.push(`affects ${(d['affectedWorkloads'] as unknown[]).map(String).join(', ')}`);
  if (typeof d['scoreBefore'] === 'number' || typeof d['score'] === 'number') {
    parts.push(`score ${typeof d['scoreBefore'] === 'number' ? `${d['scoreBefore']} → ` : ''}${typeof d['score'] === 'number' ? d['score'] : '–'}`);
  }
  return parts.join('; ');
}

/** The report as one self-contained HTML page: inline CSS and SVG, no script, no external resource. */
export function renderHtml(data: ReportData): string {
  const s = data.summary;
  const fleet = data.scope === 'fleet';
  const cluster = (name: string) => (fleet ? [h(name)] : []);
  const clusterHeader = fleet ? ['Cluster'] : [];

  const cards = [
    ['Score', `${figure(s.scoreStart)} → ${figure(s.scoreEnd)}`, delta(s.scoreStart, s.scoreEnd)],
    ['Ingress isolated', figure(s.ingressIsolatedPercent, '%'), 'of pods'],
    ['Egress isolated', figure(s.egressIsolatedPercent, '%'), 'of pods'],
    ['Unprotected workloads', String(s.unprotectedWorkloads), `of ${s.workloads}`],
    ['Exposed workloads', String(s.exposedWorkloads), `${s.exceptedWorkloads} under exception`],
    ['No default deny', `${s.namespacesWithoutDefaultDenyIngress} / ${s.namespacesWithoutDefaultDenyEgress}`, `namespaces (ingress / egress) of ${s.namespaces}`],
    ['Controls', `${s.controls.pass} pass, ${s.controls.fail} fail`, `${s.controls.notAssessable} not assessable`],
  ]
    .map(([label, value, note]) => `<div class="card">${h(label as string)}<b>${h(value as string)}</b><span class="muted">${h(note as string)}</span></div>`)
    .join('');

  const controls = table(
    ['Control', 'Framework', 'Requirement', 'Result', 'Why', 'Evidence'],
    data.controls.map((c) => [
      `<b>${h(c.id)}</b>`,
      h(c.framework),
      h(c.title),
      `<span class="${c.status}">${STATUS_WORDS[c.status]}</span>`,
      h(c.reason),
      `${c.evidence.failing} of ${c.evidence.assessed} failing${
        c.evidence.examples.length ? `<ul class="evidence">${c.evidence.examples.map((e) => `<li><code>${h(e)}</code></li>`).join('')}</ul>` : ''
      }`,
    ]),
    'No controls.',
  );

  const clusters = table(
    ['Cluster', 'Score at start', 'Score at end', 'Change', 'Ingress isolated', 'Egress isolated', 'Pods', 'Findings from'],
    data.clusters.map((c) => [
      h(c.name),
      h(figure(c.scoreStart)),
      h(figure(c.scoreEnd)),
      h(delta(c.scoreStart, c.scoreEnd)),
      h(figure(c.ingressIsolatedPercent, '%')),
      h(figure(c.egressIsolatedPercent, '%')),
      String(c.pods),
      h(when(c.snapshotAt)),
    ]),
    'No cluster.',
  );

  const lacking = data.namespaces.filter((n) => !n.defaultDenyIngress || !n.defaultDenyEgress);
  const namespaces = table(
    [...clusterHeader, 'Namespace', 'NetworkPolicies', 'Default deny ingress', 'Default deny egress', 'Workloads'],
    lacking.slice(0, HTML_ROWS).map((n) => [
      ...cluster(n.cluster),
      h(n.name),
      String(n.networkPolicies),
      n.defaultDenyIngress ? 'yes' : '<span class="fail">no</span>',
      n.defaultDenyEgress ? 'yes' : '<span class="fail">no</span>',
      String(n.workloads),
    ]),
    'Every namespace denies ingress and egress by default.',
  );

  const offenders = data.workloads.filter((w) => w.exceptionId === null && (w.unprotected || w.exposed));
  const workloads = table(
    [...clusterHeader, 'Namespace', 'Workload', 'Score', 'Findings', 'Owner'],
    offenders.slice(0, HTML_ROWS).map((w) => [
      ...cluster(w.cluster),
      h(w.namespace),
      h(`${w.kind}/${w.name}`),
      h(figure(w.score)),
      h(w.findings.join(', ')),
      w.owner ? h(w.owner) : '<span class="muted">no owner label</span>',
    ]),
    'No workload is unprotected or exposed.',
  );

  const excepted = data.workloads.filter((w) => w.exceptionId !== null);
  const exceptionRows = table(
    ['Namespace', 'Workload', 'Cluster', 'Reason', 'Owner', 'Expires', 'Findings now'],
    data.exceptions.map((e) => {
      const covered = excepted.filter((w) => w.exceptionId === e.id);
      return [
        h(e.namespace),
        h(`${e.kind}/${e.name}`),
        e.clusterId === null ? 'every cluster' : h(data.clusters.find((c) => c.id === e.clusterId)?.name ?? e.clusterId),
        h(e.reason),
        h(e.owner),
        e.expiresAt ? h(when(e.expiresAt)) : 'never',
        h(covered.flatMap((w) => w.findings).filter((v, i, all) => all.indexOf(v) === i).join(', ') || (covered.length ? 'none' : 'workload not present')),
      ];
    }),
    'No exception was in force at the end of the period.',
  );

  const notEnforced = data.clusters.flatMap((c) => c.notEnforced ?? []);
  const notEnforcedRows = table(
    [...clusterHeader, 'Policy', 'Kind', 'Why it is not enforced'],
    notEnforced.map((n) => [...cluster(n.cluster), `<code>${h(n.policy)}</code>`, h(n.kind), h(n.reason)]),
    'Every policy in the cluster is enforced by its network plugin.',
  );
  const plugins = data.clusters.map((c) => `${fleet ? `${c.name}: ` : ''}${c.cni ?? 'not recorded'}`).join(', ');

  const changeHeader = ['At', ...clusterHeader, 'Event', 'Subject', 'Details'];
  const changes = data.changes;

  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${h(data.title)}</title><style>${STYLE}</style></head>
<body>
<h1>${h(data.title)}</h1>
<p class="muted">Period ${h(when(data.from))} to ${h(when(data.to))} (end excluded). Generated ${h(when(data.generatedAt))}.</p>
<section><h2>Summary</h2><div class="cards">${cards}</div></section>
<section><h2>Isolation score over the period</h2>${renderSvgChart(data)}</section>
${fleet ? `<section><h2>Clusters</h2>${clusters}</section>` : `<section><h2>Cluster</h2>${clusters}</section>`}
<section><h2>Controls</h2>${controls}
<p class="muted">Workloads under an active exception are listed below and not counted as failures. Evidence names the first ${EVIDENCE_LIMIT} offenders of each control; every workload is in the CSV download.</p></section>
<section><h2>Namespaces without default deny</h2>${namespaces}${more(lacking.length, Math.min(lacking.length, HTML_ROWS))}</section>
<section><h2>Policies not enforced here</h2>${notEnforcedRows}
<p class="muted">Network plugin evaluated: ${h(plugins)}. A policy its cluster does not enforce (another plugin's kind, a host or staged policy) protects nothing and is left out of every figure.</p></section>
<section><h2>Unprotected and exposed workloads</h2>${workloads}${more(offenders.length, Math.min(offenders.length, HTML_ROWS))}
<p class="muted">Owner: the first of the labels ${data.ownerLabels.map((l) => `<code>${h(l)}</code>`).join(', ')} present on the workload.</p></section>
<section><h2>Became exposed or unprotected during the period</h2>${table(changeHeader, changeRows(changes.becameExposed, fleet), 'None.')}</section>
<section><h2>Became protected during the period</h2>${table(changeHeader, changeRows(changes.becameProtected, fleet), 'None.')}</section>
<section><h2>Policy changes</h2>${table(changeHeader, changeRows(changes.policyChanges, fleet), 'No policy was added, changed or removed.')}</section>
<section><h2>Default deny changes</h2>${table(changeHeader, changeRows(changes.defaultDeny, fleet), 'No namespace gained or lost default deny.')}</section>
${changes.truncated ? '<p class="muted">Some change lists were cut; the summary counts every change.</p>' : ''}
<section><h2>Active exceptions</h2>${exceptionRows}</section>
<footer><p class="muted">Scores: a pod's ingress score is 0 when no policy isolates it, else 1 minus the share of other pods that can reach it, halved when the internet can; egress likewise (×0.75 for internet egress); pod score = 100 × (0.7 × ingress + 0.3 × egress); cluster and namespace scores are means over pods. "Unprotected": not ingress-isolated. "Exposed": reachable from the internet or from every namespace. What only some requests get (Cilium L7 rules, DNS names) counts half as reachable.</p></footer>
</body></html>
`;
}

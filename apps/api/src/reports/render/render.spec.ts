import { parse } from 'yaml';
import { buildReport } from '../report-builder';
import { FROM, history, pdfText, TO } from '../report.fixtures';
import { csvCell } from './escape';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { renderPdf } from './pdf';
import { policyReports } from './policy-report';


const data = () => buildReport({ scope: 'cluster', from: FROM, to: TO, generatedAt: new Date('2026-01-12T08:00:00Z'), clusters: [history()], exceptions: [] });

describe('CSV', () => {
  it('quotes every field, doubles quotes, and keeps line breaks inside the quotes', () => {
    expect(csvCell('a "b", c\nd')).toBe('"a ""b"", c\nd"');
    expect(csvCell(null)).toBe('""');
    expect(csvCell(72.5)).toBe('"72.5"');
  });

  it('neutralises formulas: text starting with = + - @ (or a tab) gets a leading apostrophe', () => {
    for (const text of ['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\t=x']) expect(csvCell(text)).toBe(`"'${text}"`);
    expect(csvCell('team=payments')).toBe('"team=payments"');
  });

  it('lists every workload with its findings and owner, a hostile owner label neutralised', () => {
    const lines = renderCsv(data()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"cluster","namespace","kind","name","score","ingress_isolated","egress_isolated","unprotected","exposed","internet_ingress","internet_egress","reachable_from","owner","exception","findings","reachable_from_conditional","internet_ingress_conditional","internet_exposure","published_through"');
    expect(lines).toHaveLength(3);
    const api = lines.find((l) => l.includes('"api"'));
    // The owner cell is `owner==HYPERLINK(...)`: it starts with "o", so only the quotes are doubled.
    expect(api).toContain('"owner==HYPERLINK(""http://evil"")"');
    const admin = lines.find((l) => l.includes('"admin"'));
    expect(admin).toContain('"not ingress-isolated; not egress-isolated; published to the internet through LoadBalancer legacy/admin:443"');
    expect(admin).toMatch(/,"published","LoadBalancer legacy\/admin:443"$/);
  });

  it('neutralises a workload name that starts a formula', () => {
    const h = history();
    const hostile = { ...h, findings: [...h.findings.filter((f) => f.scope === 'Namespace'), { ...h.findings[2], name: '=cmd|calc' } as (typeof h.findings)[number]] };
    const csv = renderCsv(buildReport({ scope: 'cluster', from: FROM, to: TO, generatedAt: TO, clusters: [hostile], exceptions: [] }));
    expect(csv).toContain(`"'=cmd|calc"`);
    expect(csv).not.toContain(',"=cmd|calc"');
  });
});

describe('HTML', () => {
  it('renders a <script> label value as text', () => {
    const html = renderHtml(data());
    expect(html).toContain('team=&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain('<svg');
    expect(html).toContain('CIS 5.3.2');
  });

  it('names the changes of the period: the workload in its namespace, the policy by its id', () => {
    const html = renderHtml(data());
    expect(html).toContain('<td>legacy/Deployment/admin</td>');
    expect(html).toContain('<td>shop/default-deny</td>');
    expect(html).not.toContain('shop/shop/default-deny');
  });

  it('lists the policies the cluster\'s plugin does not enforce, with the reason, and names the plugin', () => {
    const html = renderHtml(data());
    expect(html).toContain('<h2>Policies not enforced here</h2>');
    expect(html).toContain('<td><code>CiliumNetworkPolicy/shop/api-l7</code></td><td>CiliumNetworkPolicy</td><td>the cluster does not run Cilium: CiliumNetworkPolicies are not enforced here</td>');
    expect(html).toContain('<td><code>CalicoStagedNetworkPolicy/shop/trial</code></td>');
    expect(html).not.toContain('<code>shop/default-deny</code>');
    expect(html).toContain('Network plugin evaluated: calico.');
    const report = data();
    expect(report.summary.notEnforcedPolicies).toBe(2);
    expect(report.clusters[0].cni).toBe('calico');
  });

  it('says a workload the internet reaches only for some requests is published for some requests only', () => {
    const h = history();
    const door = { kind: 'Ingress', name: 'legacy/admin', port: 443, protocol: 'TCP', host: 'admin.example.com', targetPort: 8443, admitted: true, conditional: true };
    const conditional = { ...h.findings[3], details: { pods: 1, internetIngressConditional: true, reachableFromConditional: 2, entryPoints: [door] } };
    const report = buildReport({ scope: 'cluster', from: FROM, to: TO, generatedAt: TO, clusters: [{ ...h, findings: [...h.findings.slice(0, 3), conditional] }], exceptions: [] });
    const admin = report.workloads.find((w) => w.name === 'admin');
    expect(admin?.findings).toContain('published to the internet through Ingress legacy/admin https://admin.example.com (for some requests only)');
    expect(admin?.reachableFromConditional).toBe(2);
    expect(renderCsv(report)).toMatch(/"admin".*,"2","true","published","Ingress legacy\/admin https:\/\/admin.example.com"\r\n/);
  });

  it('says when the policies admit the internet but no entry point leads there', () => {
    const h = history();
    const policyOnly = { ...h.findings[3], internetExposure: 'policy-only', details: { pods: 1 } };
    const report = buildReport({ scope: 'cluster', from: FROM, to: TO, generatedAt: TO, clusters: [{ ...h, findings: [...h.findings.slice(0, 3), policyOnly] }], exceptions: [] });
    const admin = report.workloads.find((w) => w.name === 'admin');
    expect(admin?.findings).toEqual(['not ingress-isolated', 'not egress-isolated', 'its policies admit the internet, though no entry point leads there', 'reachable from every namespace']);
    expect(report.summary.publishedWorkloads).toBe(0);
    expect(buildReport({ scope: 'cluster', from: FROM, to: TO, generatedAt: TO, clusters: [h], exceptions: [] }).summary.publishedWorkloads).toBe(1);
  });

  it('reads reports stored before plugins were recorded', () => {
    const report = data();
    const old = { ...report, clusters: report.clusters.map(({ cni: _cni, notEnforced: _n, ...c }) => c) };
    const html = renderHtml(old);
    expect(html).toContain('Every policy in the cluster is enforced by its network plugin.');
    expect(html).toContain('Network plugin evaluated: not recorded.');
  });

  it('escapes cluster names in the chart legend and the title', () => {
    const h = history({ name: 'prod"><img src=x onerror=alert(1)>' });
    const html = renderHtml(buildReport({ scope: 'cluster', from: FROM, to: TO, generatedAt: TO, clusters: [h], exceptions: [] }));
    expect(html).not.toContain('<img');
    expect(html).toContain('prod&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
  });
});

describe('PDF', () => {
  it('is a PDF whose text has the cluster name, the scores and the control ids', async () => {
    const pdf = await renderPdf(data());
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(pdf);
    expect(text).toContain('Palisade compliance report for prod');
    expect(text).toMatch(/Isolation score: 40 at the start, 72\.5 at the end/);
    expect(text).toContain('CIS 5.3.2');
    expect(text).toContain('NIST SC-7(5)');
    expect(text).toContain('Policies not enforced here');
    expect(text).toContain('CiliumNetworkPolicy/shop/api-l7 (CiliumNetworkPolicy): the cluster does not run Cilium');
    // The hostile label is drawn as the text it is.
    expect(text).toContain('team=<script>alert(1)</script>');
  });
});

describe('PolicyReport', () => {
  it('has one wgpolicyk8s.io/v1alpha2 PolicyReport per namespace with pass and fail results per workload and rule', () => {
    const list = parse(JSON.stringify(policyReports(data()))) as { kind: string; items: { kind: string; apiVersion: string; metadata: { namespace: string }; summary: Record<string, number>; results: { rule: string; result: string; resources: { name: string }[] }[] }[] };
    expect(list.kind).toBe('List');
    expect(list.items.map((i) => [i.apiVersion, i.kind, i.metadata.namespace])).toEqual([
      ['wgpolicyk8s.io/v1alpha2', 'PolicyReport', 'legacy'],
      ['wgpolicyk8s.io/v1alpha2', 'PolicyReport', 'shop'],
    ]);
    const legacy = list.items[0];
    expect(legacy?.summary).toEqual({ pass: 0, fail: 4, warn: 0, error: 0, skip: 0 });
    expect(list.items[1]?.summary).toEqual({ pass: 4, fail: 0, warn: 0, error: 0, skip: 0 });
  });
});

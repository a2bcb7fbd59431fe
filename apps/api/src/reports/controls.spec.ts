import type { ReportControl, ReportException } from '@palisade/api-contract';
import { assessControls, exceptionFor } from './controls';
import { namespaceRow, workloadRow } from './report.fixtures';

const byId = (controls: readonly ReportControl[], id: string) => {
  const found = controls.find((c) => c.id === id);
  if (!found) throw new Error(`no control ${id}`);
  return found;
};

describe('controls mapping', () => {
  it('fails CIS 5.3.2 naming the namespace that has no NetworkPolicy, and passes it once every namespace has one', () => {
    const failing = assessControls({ namespaces: [namespaceRow('shop', 2, true, true), namespaceRow('legacy', 0, false, false)], workloads: [], policies: 2 });
    const cis = byId(failing, 'CIS 5.3.2');
    expect(cis.status).toBe('fail');
    expect(cis.evidence).toEqual({ failing: 1, assessed: 2, examples: ['prod/legacy'] });
    const passing = assessControls({ namespaces: [namespaceRow('shop', 2, true, true), namespaceRow('legacy', 1, false, false)], workloads: [], policies: 3 });
    expect(byId(passing, 'CIS 5.3.2').status).toBe('pass');
  });

  it('passes NIST SC-7(5) and NSA/CISA when every namespace denies both directions by default, and fails them per missing direction', () => {
    const all = assessControls({ namespaces: [namespaceRow('a', 1, true, true), namespaceRow('b', 1, true, true)], workloads: [], policies: 2 });
    expect(byId(all, 'NIST SC-7(5)').status).toBe('pass');
    expect(byId(all, 'NSA/CISA Network separation').status).toBe('pass');
    const egressMissing = assessControls({ namespaces: [namespaceRow('a', 1, true, true), namespaceRow('b', 1, true, false)], workloads: [], policies: 2 });
    expect(byId(egressMissing, 'NIST SC-7(5)').status).toBe('fail');
    expect(byId(egressMissing, 'NIST SC-7(5)').evidence.examples).toEqual(['prod/b (no default deny: egress)']);
  });

  it('says the CNI control cannot be assessed, and why', () => {
    const cni = byId(assessControls({ namespaces: [namespaceRow('a', 1, true, true)], workloads: [], policies: 1 }), 'CIS 5.3.1');
    expect(cni.status).toBe('not-assessable');
    expect(cni.reason).toMatch(/not visible through the Kubernetes API/);
  });

  it('judges workloads for PCI DSS, SC-7, SOC 2 and ISO 27001, evidence capped at the limit', () => {
    const workloads = [
      workloadRow('shop', 'api'),
      workloadRow('legacy', 'admin', { ingressIsolated: false, unprotected: true, exposed: true, internetIngress: true }),
      workloadRow('shop', 'worker', { egressIsolated: false }),
    ];
    const controls = assessControls({ namespaces: [namespaceRow('shop', 1, true, true), namespaceRow('legacy', 1, true, true)], workloads, policies: 2, evidenceLimit: 1 });
    expect(byId(controls, 'PCI DSS 1.3.1').evidence).toEqual({ failing: 1, assessed: 3, examples: ['prod/legacy/Deployment/admin'] });
    expect(byId(controls, 'PCI DSS 1.3.2').evidence.examples).toEqual(['prod/shop/Deployment/worker']);
    expect(byId(controls, 'SOC 2 CC6.6').status).toBe('fail');
    expect(byId(controls, 'NIST SC-7').status).toBe('fail');
    expect(byId(controls, 'ISO/IEC 27001 A.8.22').evidence).toEqual({ failing: 1, assessed: 2, examples: ['prod/legacy'] });
  });

  it('does not count a workload under an active exception, and counts it again once the exception expired', () => {
    const exception: ReportException = {
      id: 'e1',
      clusterId: null,
      namespace: 'legacy',
      kind: 'Deployment',
      name: 'admin',
      reason: 'public admin portal',
      owner: 'sec-team',
      expiresAt: '2026-01-10T00:00:00Z',
      createdAt: '2026-01-01T00:00:00Z',
    };
    const admin = workloadRow('legacy', 'admin', { ingressIsolated: false, unprotected: true, exposed: true, internetIngress: true });
    const judge = (at: string) => {
      const e = exceptionFor([exception], 'cluster-1', admin, new Date(at));
      return assessControls({ namespaces: [namespaceRow('legacy', 1, true, true)], workloads: [{ ...admin, exceptionId: e?.id ?? null }], policies: 1 });
    };
    const whileActive = judge('2026-01-09T00:00:00Z');
    expect(byId(whileActive, 'SOC 2 CC6.6').status).toBe('pass');
    expect(byId(whileActive, 'PCI DSS 1.3.1').evidence.failing).toBe(0);
    const afterExpiry = judge('2026-01-10T00:00:00Z');
    expect(byId(afterExpiry, 'SOC 2 CC6.6').status).toBe('fail');
    expect(byId(afterExpiry, 'SOC 2 CC6.6').evidence.examples).toEqual(['prod/legacy/Deployment/admin']);
    // An exception for another cluster, or created after the moment judged, does not apply.
    expect(exceptionFor([{ ...exception, clusterId: 'other' }], 'cluster-1', admin, new Date('2026-01-09T00:00:00Z'))).toBeUndefined();
    expect(exceptionFor([exception], 'cluster-1', admin, new Date('2025-12-31T00:00:00Z'))).toBeUndefined();
  });

  it('cannot assess namespace or workload controls without findings', () => {
    const controls = assessControls({ namespaces: [], workloads: [], policies: 0 });
    expect(controls.every((c) => c.status === 'not-assessable')).toBe(true);
  });
});

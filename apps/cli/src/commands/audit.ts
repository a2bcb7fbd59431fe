import { audit, DEFAULT_EXCLUDED_NAMESPACES, type ControllerSetting } from '@palisade/policy-engine';
import { readCluster } from '../inputs';
import { resolveCni } from './cni';
import { EXIT, Io } from '../io';
import { auditCsv } from '../output/audit-csv';
import { auditSarif } from '../output/audit-sarif';
import { auditTable } from '../output/audit-table';

export type AuditFormat = 'table' | 'json' | 'csv' | 'sarif';

export interface AuditCommandOptions {
  readonly file: readonly string[];
  readonly output: AuditFormat;
  readonly failUnder?: number;
  readonly limit: number;
  readonly namespace: string;
  readonly includeSystem: boolean;
  readonly exclude?: readonly string[];
  readonly clusterCidr?: readonly string[];
  readonly cni?: string;
  readonly ingressController?: readonly ControllerSetting[];
}

export function runAudit(options: AuditCommandOptions, io: Io, version: string): number {
  const { model, skipped, counts } = readCluster(options.file, { defaultNamespace: options.namespace, readStdin: io.readStdin });
  const excludeNamespaces = options.includeSystem ? [] : [...DEFAULT_EXCLUDED_NAMESPACES, ...(options.exclude ?? [])];
  const cni = resolveCni(options.cni, model);
  const report = audit(model, { excludeNamespaces, clusterCidrs: options.clusterCidr ?? [], cni: cni.cni, controllers: options.ingressController ?? [] });
  switch (options.output) {
    case 'json':
      io.stdout(JSON.stringify({ ...report, cniEvidence: cni.evidence, input: { objects: counts, skipped } }, null, 2) + '\n');
      break;
    case 'csv':
      io.stdout(auditCsv(report));
      break;
    case 'sarif':
      io.stdout(auditSarif(report, model, version));
      break;
    case 'table':
      io.stdout(auditTable(report, skipped, options.limit, cni.evidence));
      break;
  }
  const score = report.cluster.score;
  if (options.failUnder !== undefined && score !== null && score < options.failUnder) {
    io.stderr(`palisade: cluster score ${score} is below --fail-under ${options.failUnder}\n`);
    return EXIT.belowThreshold;
  }
  return EXIT.ok;
}

import Table from 'cli-table3';
import { reach, type PortRef, type ReachProbe } from '@palisade/policy-engine';
import { readCluster } from '../inputs';
import { resolveCni } from './cni';
import { EXIT, Io } from '../io';

export interface ReachCommandOptions {
  readonly file: readonly string[];
  readonly probe?: readonly PortRef[];
  readonly external?: readonly string[];
  readonly output: 'json' | 'table';
  readonly namespace: string;
  readonly clusterCidr?: readonly string[];
  readonly cni?: string;
}

/** Allowed, allowed for some requests only (L7 rules, DNS names), denied. */
const CELL: Record<string, string> = { '1': '\u2713', c: '~' };

function matrixTable(probe: ReachProbe): string {
  const table = new Table({
    head: [`${probe.port}/${probe.protocol} from \\ to`, ...probe.peers.map((_, i) => String(i + 1))],
    style: { head: [], border: [] },
  });
  probe.peers.forEach((peer, i) => table.push([`${i + 1} ${peer}`, ...probe.allowed[i].split('').map((c) => CELL[c] ?? '.')]));
  return table.toString();
}

export function runReach(options: ReachCommandOptions, io: Io): number {
  const { model } = readCluster(options.file, { defaultNamespace: options.namespace, readStdin: io.readStdin });
  const probes = options.probe?.length ? options.probe : [{ port: 80, protocol: 'TCP' as const }];
  const cni = resolveCni(options.cni, model);
  const report = reach(model, { probes, externals: options.external ?? [], clusterCidrs: options.clusterCidr ?? [], cni: cni.cni });
  if (options.output === 'json') io.stdout(JSON.stringify({ ...report, cni: cni.cni, cniEvidence: cni.evidence }, null, 2) + '\n');
  else {
    const legend = report.probes.some((p) => p.allowed.some((row) => row.includes('c'))) ? '\n\u2713 allowed   ~ allowed for some requests only (L7 rules, DNS names)   . denied' : '';
    io.stdout(`${report.probes.map(matrixTable).join('\n\n')}${legend}\nEvaluated as ${cni.cni} (${cni.evidence}).\n`);
  }
  return EXIT.ok;
}

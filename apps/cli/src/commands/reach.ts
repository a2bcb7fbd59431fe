import Table from 'cli-table3';
import { reach, type PortRef, type ReachProbe } from '@palisade/policy-engine';
import { readCluster } from '../inputs';
import { EXIT, Io } from '../io';

export interface ReachCommandOptions {
  readonly file: readonly string[];
  readonly probe?: readonly PortRef[];
  readonly external?: readonly string[];
  readonly output: 'json' | 'table';
  readonly namespace: string;
  readonly clusterCidr?: readonly string[];
}

function matrixTable(probe: ReachProbe): string {
  const table = new Table({
    head: [`${probe.port}/${probe.protocol} from \\ to`, ...probe.peers.map((_, i) => String(i + 1))],
    style: { head: [], border: [] },
  });
  probe.peers.forEach((peer, i) => table.push([`${i + 1} ${peer}`, ...probe.allowed[i].split('').map((c) => (c === '1' ? '\u2713' : '.'))]));
  return table.toString();
}

export function runReach(options: ReachCommandOptions, io: Io): number {
  const { model } = readCluster(options.file, { defaultNamespace: options.namespace, readStdin: io.readStdin });
  const probes = options.probe?.length ? options.probe : [{ port: 80, protocol: 'TCP' as const }];
  const report = reach(model, { probes, externals: options.external ?? [], clusterCidrs: options.clusterCidr ?? [] });
  if (options.output === 'json') io.stdout(JSON.stringify(report, null, 2) + '\n');
  else io.stdout(report.probes.map(matrixTable).join('\n\n') + '\n');
  return EXIT.ok;
}

import { explain, type PortRef } from '@palisade/policy-engine';
import { BadInput, readCluster } from '../inputs';
import { resolveCni } from './cni';
import { EXIT, Io } from '../io';

export interface ExplainCommandOptions {
  readonly file: readonly string[];
  readonly from: string;
  readonly to: string;
  readonly port: PortRef;
  readonly output: 'text' | 'json';
  readonly namespace: string;
  readonly cni?: string;
}

export function runExplain(options: ExplainCommandOptions, io: Io): number {
  const { model } = readCluster(options.file, { defaultNamespace: options.namespace, readStdin: io.readStdin });
  const cni = resolveCni(options.cni, model);
  const result = explain(model, options.from, options.to, options.port, { cni: cni.cni });
  if (!result.ok) throw new BadInput([{ message: result.message }]);
  const e = result.explanation;
  if (options.output === 'json') {
    io.stdout(JSON.stringify({ from: e.from, to: e.to, port: e.port, allowed: e.allowed, verdict: e.verdict, self: e.self, cni: cni.cni, egress: e.egress, ingress: e.ingress, explanation: e.lines }, null, 2) + '\n');
  } else {
    io.stdout(e.lines.join('\n') + '\n');
  }
  return EXIT.ok;
}

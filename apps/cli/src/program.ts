import { Command, CommanderError, Option } from 'commander';
import { runAudit } from './commands/audit';
import { runExplain } from './commands/explain';
import { runReach } from './commands/reach';
import { BadInput, formatProblem } from './inputs';
import { CNI_CHOICES } from './commands/cni';
import { EXIT, Io } from './io';
import { collect, parseCount, parseIngressController, parsePort, parseScore } from './options';

const VERSION = '0.1.0';

function fileOption() {
  return new Option('-f, --file <path...>', 'manifest files or directories (YAML, JSON, kind: List; "-" for stdin)').makeOptionMandatory();
}

function namespaceOption() {
  return new Option('-n, --namespace <name>', 'namespace for objects that do not name one').default('default');
}

function cniOption() {
  return new Option('--cni <plugin>', 'the network plugin, which decides the policy kinds enforced (auto: from the input)').choices(CNI_CHOICES).default('auto');
}

function clusterCidrOption() {
  return new Option('--cluster-cidr <cidr>', "the cluster's own CIDRs, never counted as internet (repeatable)").argParser(collect(String));
}

/**
 * The `palisade` command. Exit codes: 0 ok, 1 below --fail-under, 2 bad input or usage.
 * Returns the exit code instead of exiting so tests can run it in-process.
 */
export function runCli(argv: readonly string[], io: Io): number {
  let exitCode: number = EXIT.ok;
  const program = new Command('palisade')
    .description('Network isolation audit for Kubernetes: who can reach what, and why.')
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('audit')
    .description('Score the isolation of every pod, workload and namespace; unprotected workloads first.')
    .addOption(fileOption())
    .addOption(new Option('-o, --output <format>', 'output format').choices(['table', 'json', 'csv', 'sarif']).default('table'))
    .addOption(new Option('--fail-under <score>', 'exit 1 when the cluster score is below this (0-100)').argParser(parseScore))
    .addOption(new Option('--limit <rows>', 'table output: show the worst N workloads (0: all)').argParser(parseCount).default(50))
    .addOption(namespaceOption())
    .option('--include-system', 'also score kube-system, kube-public and kube-node-lease', false)
    .addOption(new Option('--exclude <namespace>', 'do not score this namespace (repeatable)').argParser(collect(String)))
    .addOption(clusterCidrOption())
    .addOption(cniOption())
    .addOption(
      new Option('--ingress-controller <controller=label=value[@namespace]>', 'an Ingress or Gateway controller Palisade does not know, by its proxy pods (repeatable)').argParser(
        collect(parseIngressController),
      ),
    )
    .action((options) => {
      exitCode = runAudit(options, io, VERSION);
    });

  program
    .command('reach')
    .description('Reachability matrix between all pods (and given addresses) for each probe port.')
    .addOption(fileOption())
    .addOption(new Option('-p, --probe <port/proto>', 'port to probe, e.g. 80/TCP (repeatable; default 80/TCP)').argParser(collect(parsePort)))
    .addOption(new Option('-e, --external <ip>', 'an address outside the cluster to include, shown as ext:IP (repeatable)').argParser(collect(String)))
    .addOption(new Option('-o, --output <format>', 'output format').choices(['json', 'table']).default('table'))
    .addOption(namespaceOption())
    .addOption(clusterCidrOption())
    .addOption(cniOption())
    .action((options) => {
      exitCode = runReach(options, io);
    });

  program
    .command('explain')
    .description('Whether one connection is allowed, and which policies and rules decide it in each direction.')
    .addOption(fileOption())
    .requiredOption('--from <pod|ip>', 'source: namespace/pod or an IP address')
    .requiredOption('--to <pod|ip>', 'destination: namespace/pod or an IP address')
    .addOption(new Option('--port <port/proto>', 'destination port, e.g. 5432/TCP').argParser(parsePort).makeOptionMandatory())
    .addOption(new Option('-o, --output <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(namespaceOption())
    .addOption(cniOption())
    .action((options) => {
      exitCode = runExplain(options, io);
    });

  try {
    program.parse(argv as string[], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof BadInput) {
      for (const problem of error.problems) io.stderr(`palisade: ${formatProblem(problem)}\n`);
      return EXIT.badInput;
    }
    if (error instanceof CommanderError) {
      // --help and --version end with code 0; usage errors are bad input.
      return error.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    throw error;
  }
}

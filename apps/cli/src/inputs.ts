import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildModel, InputProblem, parseManifestText, RawObject, ReadResult } from '@palisade/cluster-model';

const MANIFEST_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Input the CLI cannot use: the caller prints `problems` and exits with status 2. */
export class BadInput extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map(formatProblem).join('\n'));
  }
}

export function formatProblem(problem: InputProblem): string {
  return [problem.file, problem.object, problem.field, problem.message].filter((p) => p !== undefined && p !== '').join(': ');
}

/** Files named on the command line; directories are read recursively for manifests. */
function expandPaths(paths: readonly string[]): { files: string[]; problems: InputProblem[] } {
  const files: string[] = [];
  const problems: InputProblem[] = [];
  const visit = (p: string, named: boolean) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push({ file: p, message: code === 'ENOENT' ? 'no such file or directory' : `cannot read (${code ?? 'error'})` });
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p).sort()) visit(path.join(p, entry), false);
    } else if (named || MANIFEST_EXTENSIONS.has(path.extname(p).toLowerCase())) {
      files.push(p);
    }
  };
  for (const p of paths) {
    if (p === '-') files.push(p);
    else visit(p, true);
  }
  return { files, problems };
}

export interface ReadOptions {
  readonly defaultNamespace: string;
  readonly readStdin: () => string;
}

/** Reads every manifest and builds the model; throws BadInput listing every problem found. */
export function readCluster(paths: readonly string[], options: ReadOptions): ReadResult {
  if (paths.length === 0) throw new BadInput([{ message: 'no input: pass manifest files or directories with -f' }]);
  const { files, problems } = expandPaths(paths);
  const objects: RawObject[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = file === '-' ? options.readStdin() : fs.readFileSync(file, 'utf8');
    } catch (error) {
      problems.push({ file, message: `cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})` });
      continue;
    }
    const parsed = parseManifestText(text, file === '-' ? '<stdin>' : file);
    // One at a time: spreading a 150,000-object list into push() overflows the call stack.
    for (const object of parsed.objects) objects.push(object);
    for (const found of parsed.problems) problems.push(found);
  }
  if (files.length === 0 && problems.length === 0) {
    problems.push({ file: paths.join(', '), message: 'no .yaml, .yml or .json files found' });
  }
  const result = buildModel(objects, { defaultNamespace: options.defaultNamespace });
  const all = [...problems, ...result.problems];
  if (all.length > 0) throw new BadInput(all);
  return result;
}

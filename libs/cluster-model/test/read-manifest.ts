import { buildModel, parseManifestText, type ReadResult } from '../src/index';

/** Lets tests indent YAML with the code around it. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indents = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^ */.exec(line)?.[0].length ?? 0);
  const margin = Math.min(...indents);
  return lines.map((line) => line.slice(margin)).join('\n');
}

export const FILE = 'manifest.yaml';

/** Parses YAML and builds the model, the way the CLI does for one file. */
export function readYaml(text: string, options?: { defaultNamespace?: string }): ReadResult {
  const parsed = parseManifestText(dedent(text), FILE);
  if (parsed.problems.length > 0) {
    throw new Error(
      `test manifest does not parse: ${parsed.problems.map((p) => p.message).join('; ')}`,
    );
  }
  return buildModel(parsed.objects, options);
}

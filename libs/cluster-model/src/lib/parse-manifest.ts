import { parseAllDocuments, type YAMLError } from 'yaml';
import type { InputProblem, SourceRef } from './types';
import type { RawObject } from './raw-object';
import { problem } from './issues';
import { isAbsent, isRecord, type UnknownRecord } from './unknown-values';

export interface ParsedManifest {
  readonly objects: RawObject[];
  readonly problems: InputProblem[];
}

/**
 * YAML aliases a manifest may use (Helm output and hand-written manifests use a few), and the
 * most YAML text read at once: both bound what a hostile file can make the reader build (an
 * alias "bomb" expands exponentially; the YAML parser's syntax tree is many times the text).
 * JSON, which cannot alias, is limited only by memory.
 */
export const MANIFEST_MAX_ALIASES = 100;
export const MANIFEST_MAX_YAML_BYTES = 128 * 1024 * 1024;

export interface ParseOptions {
  readonly maxAliasCount?: number;
  readonly maxYamlBytes?: number;
}

/**
 * Splits manifest text (multi-document YAML, or JSON) into objects, flattening `kind: List` and
 * typed lists such as `PodList`. Never throws: syntax errors become problems with a line number.
 */
export function parseManifestText(text: string, file?: string, options: ParseOptions = {}): ParsedManifest {
  const out: ParsedManifest = { objects: [], problems: [] };
  const json = parseJson(text);
  if (json.ok) {
    if (!isAbsent(json.value)) addDocument(out, json.value, sourceOf(file, 0));
    return out;
  }
  const maxYamlBytes = options.maxYamlBytes ?? MANIFEST_MAX_YAML_BYTES;
  // Characters never outnumber bytes, so only long texts need counting.
  if (text.length > maxYamlBytes / 4 && Buffer.byteLength(text, 'utf8') > maxYamlBytes) {
    out.problems.push(problem({ file }, undefined, `the YAML is over ${Math.round(maxYamlBytes / 1024 / 1024)} MB: split it, or give it as JSON (kubectl get -o json)`));
    return out;
  }
  const maxAliasCount = options.maxAliasCount ?? MANIFEST_MAX_ALIASES;
  const documents = parseAllDocuments(text, { merge: true });
  documents.forEach((document, index) => {
    const source = sourceOf(file, index);
    const [error] = document.errors;
    if (error !== undefined) {
      out.problems.push(problem({ file }, undefined, syntaxMessage(error, index)));
      return;
    }
    let value: unknown;
    try {
      value = document.toJS({ maxAliasCount });
    } catch (thrown) {
      // toJS throws on alias bombs ("Excessive alias count"); report it like any syntax error.
      const reason = thrown instanceof Error && /alias/i.test(thrown.message) ? `too many YAML aliases (at most ${maxAliasCount})` : thrown instanceof Error ? thrown.message : String(thrown);
      out.problems.push(
        problem({ file }, undefined, `document ${index} cannot be read: ${reason}`),
      );
      return;
    }
    if (!isAbsent(value)) addDocument(out, value, source);
  });
  return out;
}

function sourceOf(file: string | undefined, document: number): SourceRef {
  return file === undefined ? { document } : { file, document };
}

/** `kubectl get -o json` output is large; JSON.parse is much faster than a YAML parser. */
function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return { ok: false };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    // Let the YAML parser have it: it accepts JSON-like YAML and reports errors with lines.
    return { ok: false };
  }
}

function syntaxMessage(error: YAMLError, document: number): string {
  // The library appends " at line L, column C:" and a source excerpt; keep only the sentence.
  const sentence =
    error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
  const position = error.linePos?.[0];
  const where =
    position === undefined
      ? `in document ${document}`
      : `at line ${position.line}, column ${position.col}`;
  return `syntax error ${where}: ${sentence}`;
}

function addDocument(out: ParsedManifest, value: unknown, source: SourceRef, field = ''): void {
  const location = { file: source.file };
  if (!isRecord(value)) {
    out.problems.push(
      problem(
        location,
        field,
        `${describeDocument(source)} is not a Kubernetes object (expected a mapping with "kind")`,
      ),
    );
    return;
  }
  const kind = value['kind'];
  if (typeof kind !== 'string' || kind === '') {
    out.problems.push(
      problem(
        location,
        field === '' ? 'kind' : `${field}.kind`,
        `${describeDocument(source)} has no "kind"`,
      ),
    );
    return;
  }
  if (isList(kind, value)) {
    addListItems(out, value, kind, source);
    return;
  }
  out.objects.push({ obj: value, source });
}

/** `List` (what `kubectl get a,b -o yaml` prints) or a typed `XxxList` as the API returns it. */
function isList(kind: string, value: UnknownRecord): boolean {
  return kind.endsWith('List') && Array.isArray(value['items']);
}

function addListItems(
  out: ParsedManifest,
  list: UnknownRecord,
  listKind: string,
  listSource: SourceRef,
): void {
  const items = list['items'] as readonly unknown[];
  // Items of a typed list come without kind and apiVersion: they are the list's, minus "List".
  const itemKind = listKind === 'List' ? undefined : listKind.slice(0, -'List'.length);
  const apiVersion = list['apiVersion'];
  items.forEach((entry, index) => {
    const source: SourceRef = { ...listSource, item: index };
    const typed =
      isRecord(entry) && isAbsent(entry['kind']) && itemKind !== undefined
        ? {
            ...entry,
            kind: itemKind,
            ...(isAbsent(entry['apiVersion']) && !isAbsent(apiVersion) && { apiVersion }),
          }
        : entry;
    addDocument(out, typed, source, `items[${index}]`);
  });
}

function describeDocument(source: SourceRef): string {
  const document = `document ${source.document ?? 0}`;
  return source.item === undefined ? document : `${document}, item ${source.item}`;
}

import { isRecord, type KubeObject } from './kube-object';
import type { ResourceType } from './resource-types';

/**
 * Label and field selectors as the API server parses them (k8s.io/apimachinery labels.Parse and
 * fields.ParseSelector). A parse failure is a `SelectorError`, which the server answers with 400.
 */

export class SelectorError extends Error {
  override name = 'SelectorError';
}

export type LabelOperator = 'exists' | 'doesNotExist' | '=' | '!=' | 'in' | 'notin' | 'gt' | 'lt';

export interface LabelRequirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

const KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

type Token =
  | { readonly type: 'id'; readonly text: string }
  | { readonly type: 'op'; readonly text: '!' | '=' | '==' | '!=' | ',' | '(' | ')' | '>' | '<' };

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (c === ' ' || c === '\t' || c === '\n') {
      i += 1;
    } else if (c === '!' || c === '=') {
      const two = input.slice(i, i + 2);
      if (two === '!=' || two === '==') {
        tokens.push({ type: 'op', text: two });
        i += 2;
      } else {
        tokens.push({ type: 'op', text: c });
        i += 1;
      }
    } else if (c === ',' || c === '(' || c === ')' || c === '>' || c === '<') {
      tokens.push({ type: 'op', text: c });
      i += 1;
    } else {
      let j = i;
      while (j < input.length && !' \t\n!=,()<>'.includes(input.charAt(j))) j += 1;
      tokens.push({ type: 'id', text: input.slice(i, j) });
      i = j;
    }
  }
  return tokens;
}

function checkKey(key: string): string {
  if (!KEY.test(key) || key.length > 316) {
    throw new SelectorError(`unable to parse requirement: invalid label key "${key}"`);
  }
  return key;
}

function checkValue(value: string): string {
  if (value.length > 63 || !VALUE.test(value)) {
    throw new SelectorError(`unable to parse requirement: invalid label value: "${value}"`);
  }
  return value;
}

/** Parses `a=b,c!=d,e in (f,g),!h,i` (an empty string selects everything). */
export function parseLabelSelector(input: string): LabelRequirement[] {
  const tokens = tokenize(input);
  const requirements: LabelRequirement[] = [];
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const next = (): Token | undefined => tokens[pos++];
  const fail = (what: string): never => {
    throw new SelectorError(`unable to parse requirement: ${what} in "${input}"`);
  };
  const identifier = (what: string): string => {
    const token = next();
    if (token?.type !== 'id') return fail(`expected ${what}`);
    return token.text;
  };

  while (pos < tokens.length) {
    const first = next();
    if (first?.type === 'op' && first.text === '!') {
      requirements.push({
        key: checkKey(identifier('a label key after "!"')),
        operator: 'doesNotExist',
        values: [],
      });
    } else if (first?.type === 'id') {
      const key = checkKey(first.text);
      const op = peek();
      if (op === undefined || (op.type === 'op' && op.text === ',')) {
        requirements.push({ key, operator: 'exists', values: [] });
      } else if (op.type === 'op' && (op.text === '=' || op.text === '==' || op.text === '!=')) {
        pos += 1;
        const value = peek()?.type === 'id' ? identifier('a value') : '';
        requirements.push({
          key,
          operator: op.text === '!=' ? '!=' : '=',
          values: [checkValue(value)],
        });
      } else if (op.type === 'op' && (op.text === '>' || op.text === '<')) {
        pos += 1;
        const value = identifier('an integer value');
        if (!/^-?\d+$/.test(value)) fail(`for 'Gt', 'Lt' operators, the value must be an integer`);
        requirements.push({ key, operator: op.text === '>' ? 'gt' : 'lt', values: [value] });
      } else if (op.type === 'id' && (op.text === 'in' || op.text === 'notin')) {
        pos += 1;
        const open = next();
        if (open?.type !== 'op' || open.text !== '(') fail(`expected "(" after "${op.text}"`);
        const values: string[] = [];
        for (;;) {
          const token = next();
          if (token === undefined) return fail('expected ")"');
          if (token.type === 'op' && token.text === ')') break;
          if (token.type === 'op' && token.text === ',') continue;
          if (token.type !== 'id') return fail(`unexpected "${token.text}" in a value list`);
          values.push(checkValue(token.text));
        }
        if (values.length === 0) {
          fail(`for 'in', 'notin' operators, values set can't be empty`);
        }
        requirements.push({ key, operator: op.text, values });
      } else {
        fail(`unexpected "${op.text}" after key "${key}"`);
      }
    } else {
      fail(`unexpected "${first?.text ?? ''}"`);
    }
    const separator = next();
    if (separator !== undefined && !(separator.type === 'op' && separator.text === ',')) {
      fail(`expected "," but found "${separator.text}"`);
    }
    if (separator !== undefined && pos >= tokens.length) fail('expected a requirement after ","');
  }
  return requirements;
}

export function matchesLabels(
  requirements: readonly LabelRequirement[],
  labels: Readonly<Record<string, string>> | undefined,
): boolean {
  const all = labels ?? {};
  return requirements.every(({ key, operator, values }) => {
    const has = Object.hasOwn(all, key);
    const value = has ? all[key] : undefined;
    switch (operator) {
      case 'exists':
        return has;
      case 'doesNotExist':
        return !has;
      case '=':
        return has && value === values[0];
      case '!=':
        return !has || value !== values[0];
      case 'in':
        return has && values.includes(value ?? '');
      case 'notin':
        return !has || !values.includes(value ?? '');
      case 'gt':
      case 'lt': {
        if (!has || !/^-?\d+$/.test(value ?? '')) return false;
        const actual = Number(value);
        const bound = Number(values[0]);
        return operator === 'gt' ? actual > bound : actual < bound;
      }
    }
  });
}

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '!=';
  readonly value: string;
}

/** Fields each kind can be selected on besides metadata.name and metadata.namespace. */
const EXTRA_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Pod: [
    'spec.nodeName',
    'spec.restartPolicy',
    'spec.schedulerName',
    'spec.serviceAccountName',
    'spec.hostNetwork',
    'status.phase',
    'status.podIP',
    'status.nominatedNodeName',
  ],
  Namespace: ['status.phase'],
  Node: ['spec.unschedulable'],
  ReplicaSet: ['status.replicas'],
  Job: ['status.successful'],
};

/** Splits on unescaped separators; `\,` `\=` `\!` and `\\` stand for the character itself. */
function splitUnescaped(input: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < input.length; i += 1) {
    const c = input.charAt(i);
    if (c === '\\' && i + 1 < input.length) {
      current += c + input.charAt(i + 1);
      i += 1;
    } else if (c === separator) {
      parts.push(current);
      current = '';
    } else current += c;
  }
  parts.push(current);
  return parts;
}

function unescape(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

export function parseFieldSelector(input: string, type: ResourceType): FieldRequirement[] {
  if (input.trim() === '') return [];
  const allowed = ['metadata.name', 'metadata.namespace', ...(EXTRA_FIELDS[type.kind] ?? [])];
  return splitUnescaped(input, ',').map((part) => {
    const match = /^([^=!]+?)\s*(!=|==|=)\s*(.*)$/s.exec(part.trim());
    if (match === null) {
      throw new SelectorError(`invalid selector: '${input}'; can't understand '${part}'`);
    }
    const field = (match[1] ?? '').trim();
    if (!allowed.includes(field)) {
      throw new SelectorError(`field label not supported: ${field}`);
    }
    return { field, operator: match[2] === '!=' ? '!=' : '=', value: unescape(match[3] ?? '') };
  });
}

function fieldValue(obj: KubeObject, field: string): string {
  let current: unknown = obj;
  for (const segment of field.split('.')) {
    current = isRecord(current) ? current[segment] : undefined;
  }
  if (current === undefined || current === null) return '';
  return typeof current === 'string' ? current : String(current);
}

export function matchesFields(requirements: readonly FieldRequirement[], obj: KubeObject): boolean {
  return requirements.every(({ field, operator, value }) => {
    // Pods without spec.hostNetwork read as "false", the way the server's field set spells it.
    const actual =
      field === 'spec.hostNetwork'
        ? String(fieldValue(obj, field) === 'true')
        : fieldValue(obj, field);
    return operator === '=' ? actual === value : actual !== value;
  });
}

/** Both selectors of one request, parsed once. */
export interface ObjectFilter {
  readonly namespace?: string;
  readonly labels: readonly LabelRequirement[];
  readonly fields: readonly FieldRequirement[];
}

export function matchesFilter(filter: ObjectFilter, obj: KubeObject): boolean {
  if (filter.namespace !== undefined && obj.metadata.namespace !== filter.namespace) return false;
  return matchesLabels(filter.labels, obj.metadata.labels) && matchesFields(filter.fields, obj);
}

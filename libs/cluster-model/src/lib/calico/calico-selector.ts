import type { CalicoExpression, CalicoSelector } from '../types';

/**
 * Calico's selector language (libcalico-go `selector/tokenizer`, `selector/parser`): parsing with
 * Calico's exact grammar, evaluation against one label map, the canonical text `calicoctl`
 * prints, and the rewrites Calico's backend applies when it combines selectors (key prefixes,
 * `all()` / `global()` replacement).
 *
 * Positions in error messages count characters from 1.
 */

export type CalicoSelectorParse =
  | { readonly ok: true; readonly selector: CalicoSelector }
  | { readonly ok: false; readonly error: string };

/** Calico refuses longer label names ("label too long"). */
export const MAX_LABEL_LENGTH = 512;

export const ALL: CalicoExpression = { op: 'all' };

// ---------------------------------------------------------------------------------------------
// Tokens

type TokenKind =
  | 'label'
  | 'string'
  | '{'
  | '}'
  | ','
  | '=='
  | '!='
  | '!'
  | '&&'
  | '||'
  | '('
  | ')'
  | 'in'
  | 'not in'
  | 'contains'
  | 'starts with'
  | 'ends with'
  | 'has'
  | 'all'
  | 'global'
  | 'end';

interface Token {
  readonly kind: TokenKind;
  /** The label, the string literal's content, or the label inside `has(...)`. */
  readonly value: string;
  /** 0-based offset of the token's first character. */
  readonly at: number;
}

class SelectorSyntaxError extends Error {}

function fail(message: string, at: number | 'end'): never {
  throw new SelectorSyntaxError(`${message} ${at === 'end' ? 'at the end' : `at ${at + 1}`}`);
}

function isBlank(char: string | undefined): boolean {
  return char === ' ' || char === '\t';
}

function isLabelChar(char: string | undefined): boolean {
  return char !== undefined && /^[A-Za-z0-9_./-]$/.test(char);
}

/** Operators that may follow a label, longest spelling first; each must end at a word boundary. */
const LABEL_OPERATORS: readonly { readonly kind: TokenKind; readonly words: readonly string[] }[] =
  [
    { kind: 'contains', words: ['contains'] },
    { kind: 'starts with', words: ['starts', 'with'] },
    { kind: 'ends with', words: ['ends', 'with'] },
    { kind: 'not in', words: ['not', 'in'] },
    { kind: 'in', words: ['in'] },
  ];

class Tokenizer {
  private pos = 0;
  readonly tokens: Token[] = [];

  constructor(private readonly text: string) {}

  run(): Token[] {
    for (;;) {
      this.skipBlanks();
      if (this.pos >= this.text.length) {
        this.tokens.push({ kind: 'end', value: '', at: this.text.length });
        return this.tokens;
      }
      this.next();
    }
  }

  private skipBlanks(): void {
    while (isBlank(this.text[this.pos])) this.pos += 1;
  }

  private push(kind: TokenKind, at: number, value = ''): void {
    this.tokens.push({ kind, value, at });
  }

  private next(): void {
    const start = this.pos;
    const char = this.text[start];
    const next = (prefix: string): boolean => this.text.startsWith(prefix, start);
    switch (char) {
      case '(':
      case ')':
      case '{':
      case '}':
      case ',':
        this.pos += 1;
        return this.push(char, start);
      case '"':
      case "'": {
        const close = this.text.indexOf(char, start + 1);
        if (close < 0) fail('unterminated string starting', start);
        this.pos = close + 1;
        return this.push('string', start, this.text.slice(start + 1, close));
      }
      case '=':
        if (!next('==')) fail('expected "=="', start);
        this.pos += 2;
        return this.push('==', start);
      case '!':
        if (next('!=')) {
          this.pos += 2;
          return this.push('!=', start);
        }
        this.pos += 1;
        return this.push('!', start);
      case '&':
        if (!next('&&')) fail('expected "&&"', start);
        this.pos += 2;
        return this.push('&&', start);
      case '|':
        if (!next('||')) fail('expected "||"', start);
        this.pos += 2;
        return this.push('||', start);
      default:
        return this.wordOrLabel(start);
    }
  }

  private wordOrLabel(start: number): void {
    const previous = this.tokens[this.tokens.length - 1];
    if (previous?.kind === 'label') {
      // Right after a label only an operator word may follow: keywords are contextual.
      for (const operator of LABEL_OPERATORS) {
        const end = this.matchWords(start, operator.words);
        if (end !== undefined) {
          this.pos = end;
          return this.push(operator.kind, start);
        }
      }
      fail(`expected an operator after label "${previous.value}"`, start);
    }
    if (this.text.startsWith('has(', start)) {
      this.pos = start + 4;
      this.skipBlanks();
      const label = this.cutLabel('has');
      this.skipBlanks();
      if (this.text[this.pos] !== ')') fail('expected ")" to close "has("', this.atOrEnd());
      this.pos += 1;
      return this.push('has', start, label);
    }
    for (const word of ['all', 'global'] as const) {
      if (this.text.startsWith(`${word}(`, start)) {
        this.pos = start + word.length + 1;
        this.skipBlanks();
        if (this.text[this.pos] !== ')') fail(`expected ")" to close "${word}("`, this.atOrEnd());
        this.pos += 1;
        return this.push(word, start);
      }
    }
    const label = this.cutLabel('label');
    return this.push('label', start, label);
  }

  /** Where the words end (blanks allowed between them) when they are next and end at a word boundary. */
  private matchWords(start: number, words: readonly string[]): number | undefined {
    let at = start;
    for (const [index, word] of words.entries()) {
      if (!this.text.startsWith(word, at)) return undefined;
      at += word.length;
      if (index < words.length - 1) while (isBlank(this.text[at])) at += 1;
    }
    return isLabelChar(this.text[at]) ? undefined : at;
  }

  private atOrEnd(): number | 'end' {
    return this.pos >= this.text.length ? 'end' : this.pos;
  }

  /** A label at the current position: 1 to 512 characters from A-Z a-z 0-9 _ . / -. */
  private cutLabel(context: 'has' | 'label'): string {
    const start = this.pos;
    while (isLabelChar(this.text[this.pos])) this.pos += 1;
    const label = this.text.slice(start, this.pos);
    if (label.length > MAX_LABEL_LENGTH) {
      fail(`label longer than ${MAX_LABEL_LENGTH} characters`, start);
    }
    if (label.length === 0) {
      if (context === 'has') fail('expected a label inside "has(...)"', this.atOrEnd());
      fail(`unexpected character ${JSON.stringify(this.text[this.pos] ?? '')}`, this.pos);
    }
    return label;
  }
}

// ---------------------------------------------------------------------------------------------
// Parser (same precedence and shapes as Calico's: flat AND/OR lists, `!` collapsed by parity)

const VALUE_OPERATORS: Partial<
  Record<TokenKind, 'eq' | 'ne' | 'contains' | 'startsWith' | 'endsWith'>
> = {
  '==': 'eq',
  '!=': 'ne',
  contains: 'contains',
  'starts with': 'startsWith',
  'ends with': 'endsWith',
};

function describeToken(token: Token): string {
  switch (token.kind) {
    case 'label':
      return `label "${token.value}"`;
    case 'string':
      return `value ${quote(token.value)}`;
    case 'has':
      return `"has(${token.value})"`;
    case 'all':
      return '"all()"';
    case 'global':
      return '"global()"';
    case 'end':
      return 'the end';
    default:
      return `"${token.kind}"`;
  }
}

function where(token: Token): number | 'end' {
  return token.kind === 'end' ? 'end' : token.at;
}

/**
 * Calico has no limit (Go stacks grow); a deterministic one keeps deep input from exhausting the
 * JavaScript stack here or in whoever walks the expression later.
 */
export const MAX_NESTING = 1000;

class Parser {
  private index = 0;
  private depth = 0;

  constructor(private readonly tokens: readonly Token[]) {}

  private peek(): Token {
    // The token list always ends with an 'end' token, and parsing never moves past it.
    return this.tokens[Math.min(this.index, this.tokens.length - 1)] as Token;
  }

  parseRoot(): CalicoExpression {
    if (this.peek().kind === 'end') return ALL;
    const expression = this.parseOr();
    if (this.peek().kind !== 'end') {
      fail(`unexpected ${describeToken(this.peek())}`, where(this.peek()));
    }
    return expression;
  }

  private parseOr(): CalicoExpression {
    const operands = [this.parseAnd()];
    while (this.peek().kind === '||') {
      this.index += 1;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? (operands[0] as CalicoExpression) : { op: 'or', operands };
  }

  private parseAnd(): CalicoExpression {
    const operands = [this.parseOperation()];
    while (this.peek().kind === '&&') {
      this.index += 1;
      operands.push(this.parseOperation());
    }
    return operands.length === 1 ? (operands[0] as CalicoExpression) : { op: 'and', operands };
  }

  private parseOperation(): CalicoExpression {
    let negated = false;
    while (this.peek().kind === '!') {
      negated = !negated;
      this.index += 1;
    }
    const operation = this.parseTerm();
    return negated ? { op: 'not', operand: operation } : operation;
  }

  private parseTerm(): CalicoExpression {
    const token = this.peek();
    switch (token.kind) {
      case 'has':
        this.index += 1;
        return { op: 'has', key: token.value };
      case 'all':
      case 'global':
        this.index += 1;
        return { op: token.kind };
      case 'label':
        this.index += 1;
        return this.parseComparison(token.value);
      case '(': {
        if (this.depth >= MAX_NESTING) {
          fail(`parentheses nested more than ${MAX_NESTING} deep`, token.at);
        }
        this.index += 1;
        this.depth += 1;
        const inner = this.parseOr();
        this.depth -= 1;
        if (this.peek().kind !== ')') {
          fail(`expected ")" but found ${describeToken(this.peek())}`, where(this.peek()));
        }
        this.index += 1;
        return inner;
      }
      case 'end':
        return fail('expected a selector term', 'end');
      default:
        fail(`unexpected ${describeToken(token)}`, token.at);
    }
  }

  private parseComparison(key: string): CalicoExpression {
    const operator = this.peek();
    const valueOp = VALUE_OPERATORS[operator.kind];
    if (valueOp !== undefined) {
      this.index += 1;
      const value = this.peek();
      if (value.kind !== 'string') {
        fail(
          `expected a quoted value after "${operator.kind}" but found ${describeToken(value)}`,
          where(value),
        );
      }
      this.index += 1;
      return { op: valueOp, key, value: value.value };
    }
    if (operator.kind === 'in' || operator.kind === 'not in') {
      this.index += 1;
      return {
        op: operator.kind === 'in' ? 'in' : 'notIn',
        key,
        values: this.parseSet(operator.kind),
      };
    }
    fail(`expected an operator after label "${key}"`, where(operator));
  }

  private parseSet(operator: string): string[] {
    const open = this.peek();
    if (open.kind !== '{') {
      fail(
        `expected a set such as {"a", "b"} after "${operator}" but found ${describeToken(open)}`,
        where(open),
      );
    }
    this.index += 1;
    const values: string[] = [];
    // Calico accepts a trailing comma: {"a",}.
    while (this.peek().kind === 'string') {
      values.push(this.peek().value);
      this.index += 1;
      if (this.peek().kind !== ',') break;
      this.index += 1;
    }
    if (this.peek().kind !== '}') {
      fail(
        `expected "}" or a quoted value in the set but found ${describeToken(this.peek())}`,
        where(this.peek()),
      );
    }
    this.index += 1;
    return sortedSet(values);
  }
}

/**
 * Parses a selector with Calico's grammar. An empty or blank (space, tab) text is `all()`.
 * Never throws.
 */
export function parseCalicoSelector(text: string): CalicoSelectorParse {
  try {
    const tokens = new Tokenizer(text).run();
    const expression = new Parser(tokens).parseRoot();
    return { ok: true, selector: calicoSelector(expression) };
  } catch (error) {
    if (error instanceof SelectorSyntaxError) return { ok: false, error: error.message };
    /* istanbul ignore next: a bug, not bad input; still never throw on input */
    return { ok: false, error: `unreadable selector (${String(error)})` };
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/**
 * Whether the expression matches an endpoint with these labels. An absent label makes `!=` and
 * `not in` true and every other comparison false; `all()` and `global()` match everything (their
 * scope comes from where they are used, see `replaceAllAndGlobal`).
 */
export function matchesCalicoSelector(
  expression: CalicoExpression,
  label: (key: string) => string | undefined,
): boolean {
  switch (expression.op) {
    case 'all':
    case 'global':
      return true;
    case 'has':
      return label(expression.key) !== undefined;
    case 'not':
      return !matchesCalicoSelector(expression.operand, label);
    case 'and':
      return expression.operands.every((operand) => matchesCalicoSelector(operand, label));
    case 'or':
      return expression.operands.some((operand) => matchesCalicoSelector(operand, label));
    case 'in':
    case 'notIn': {
      const value = label(expression.key);
      if (value === undefined) return expression.op === 'notIn';
      return expression.values.includes(value) === (expression.op === 'in');
    }
    default: {
      const value = label(expression.key);
      if (value === undefined) return expression.op === 'ne';
      switch (expression.op) {
        case 'eq':
          return value === expression.value;
        case 'ne':
          return value !== expression.value;
        case 'contains':
          return value.includes(expression.value);
        case 'startsWith':
          return value.startsWith(expression.value);
        case 'endsWith':
          return value.endsWith(expression.value);
      }
    }
  }
}

/** `matchesCalicoSelector` over a plain label map. */
export function matchesLabels(
  expression: CalicoExpression,
  labels: Readonly<Record<string, string>>,
): boolean {
  return matchesCalicoSelector(expression, (key) =>
    Object.hasOwn(labels, key) ? labels[key] : undefined,
  );
}

// ---------------------------------------------------------------------------------------------
// Canonical text

const OPERATOR_TEXT = {
  eq: '==',
  ne: '!=',
  contains: 'contains',
  startsWith: 'starts with',
  endsWith: 'ends with',
} as const;

/** Double quotes unless the value holds one; Calico cannot write a value holding both. */
function quote(value: string): string {
  return value.includes('"') ? `'${value}'` : `"${value}"`;
}

/** Go compares strings bytewise (UTF-8), which is code point order, not UTF-16 order. */
function compareCodePoints(a: string, b: string): number {
  const left = a[Symbol.iterator]();
  const right = b[Symbol.iterator]();
  for (;;) {
    const x = left.next();
    const y = right.next();
    if (x.done === true || y.done === true) {
      return (x.done === true ? 0 : 1) - (y.done === true ? 0 : 1);
    }
    const difference = (x.value.codePointAt(0) ?? 0) - (y.value.codePointAt(0) ?? 0);
    if (difference !== 0) return difference;
  }
}

/** Sorted (as Calico sorts) and without repeats: how Calico stores a set literal. */
export function sortedSet(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodePoints);
}

/**
 * The text `calicoctl` prints for a parsed selector: `k == "v"`, every AND / OR of two or more
 * operands in parentheses, `!` directly before its operand, sets sorted and de-duplicated.
 */
export function canonicalCalicoSelector(expression: CalicoExpression): string {
  switch (expression.op) {
    case 'all':
      return 'all()';
    case 'global':
      return 'global()';
    case 'has':
      return `has(${expression.key})`;
    case 'not':
      return `!${canonicalCalicoSelector(expression.operand)}`;
    case 'and':
    case 'or': {
      const parts = expression.operands.map(canonicalCalicoSelector);
      if (parts.length === 0) return expression.op === 'and' ? 'all()' : '!all()';
      if (parts.length === 1) return parts[0] as string;
      return `(${parts.join(expression.op === 'and' ? ' && ' : ' || ')})`;
    }
    case 'in':
    case 'notIn':
      return `${expression.key} ${expression.op === 'in' ? 'in' : 'not in'} {${sortedSet(
        expression.values,
      )
        .map(quote)
        .join(', ')}}`;
    default:
      return `${expression.key} ${OPERATOR_TEXT[expression.op]} ${quote(expression.value)}`;
  }
}

/** The model's selector: the expression and its canonical text. */
export function calicoSelector(expression: CalicoExpression): CalicoSelector {
  return { expression, text: canonicalCalicoSelector(expression) };
}

// ---------------------------------------------------------------------------------------------
// Building and rewriting (what Calico's backend does when it combines selectors)

export function eq(key: string, value: string): CalicoExpression {
  return { op: 'eq', key, value };
}

export function has(key: string): CalicoExpression {
  return { op: 'has', key };
}

export function not(operand: CalicoExpression): CalicoExpression {
  return { op: 'not', operand };
}

export function inSet(key: string, values: readonly string[]): CalicoExpression {
  return { op: 'in', key, values: sortedSet(values) };
}

export function notInSet(key: string, values: readonly string[]): CalicoExpression {
  return { op: 'notIn', key, values: sortedSet(values) };
}

/**
 * `a && b && ...` as one AND node, as Calico parses a chain of `&&`; a single operand stands for
 * itself. Operands are not flattened: `(x && y) && z` stays nested, as Calico parses it.
 */
export function and(...operands: readonly CalicoExpression[]): CalicoExpression {
  if (operands.length === 0) return ALL;
  if (operands.length === 1) return operands[0] as CalicoExpression;
  return { op: 'and', operands: [...operands] };
}

/** Applies `rewrite` bottom-up to every node. */
function mapExpression(
  expression: CalicoExpression,
  rewrite: (node: CalicoExpression) => CalicoExpression,
): CalicoExpression {
  switch (expression.op) {
    case 'not':
      return rewrite({ op: 'not', operand: mapExpression(expression.operand, rewrite) });
    case 'and':
    case 'or':
      return rewrite({
        op: expression.op,
        operands: expression.operands.map((o) => mapExpression(o, rewrite)),
      });
    default:
      return rewrite(expression);
  }
}

/**
 * Prefixes every label key (`pcns.` for namespace labels, `pcsa.` for service-account labels), as
 * Calico's PrefixVisitor does.
 */
export function prefixKeys(expression: CalicoExpression, prefix: string): CalicoExpression {
  return mapExpression(expression, (node) =>
    'key' in node ? { ...node, key: `${prefix}${node.key}` } : node,
  );
}

/**
 * Replaces every `all()` and/or `global()` node, as Calico's backend rewrites a namespace
 * selector (`all()` -> `has(projectcalico.org/namespace)`, `global()` ->
 * `!has(projectcalico.org/namespace)`). Calico rewrites the text; rewriting the tree gives the same
 * result except that a quoted value spelled `"all()"` is left alone.
 */
export function replaceAllAndGlobal(
  expression: CalicoExpression,
  replacements: { readonly all?: CalicoExpression; readonly global?: CalicoExpression },
): CalicoExpression {
  return mapExpression(expression, (node) => {
    if (node.op === 'all' && replacements.all !== undefined) return replacements.all;
    if (node.op === 'global' && replacements.global !== undefined) return replacements.global;
    return node;
  });
}

/** Whether `global()` appears anywhere in the expression. */
export function containsGlobal(expression: CalicoExpression): boolean {
  switch (expression.op) {
    case 'global':
      return true;
    case 'not':
      return containsGlobal(expression.operand);
    case 'and':
    case 'or':
      return expression.operands.some(containsGlobal);
    default:
      return false;
  }
}

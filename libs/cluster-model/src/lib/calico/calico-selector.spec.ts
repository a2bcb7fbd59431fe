import fc from 'fast-check';
import type { CalicoExpression } from '../types';
import {
  and,
  canonicalCalicoSelector,
  containsGlobal,
  eq,
  has,
  inSet,
  matchesCalicoSelector,
  matchesLabels,
  not,
  parseCalicoSelector,
  prefixKeys,
  replaceAllAndGlobal,
} from './calico-selector';
import selectorCases from './testdata/selector-cases.json';

interface ValidCase {
  readonly selector: string;
  readonly matches: readonly Record<string, string>[];
  readonly nonMatches: readonly Record<string, string>[];
  readonly canonical?: string;
}

// JSON imports type every row apart; the first test checks the shape this cast promises.
const VALID = selectorCases.valid as unknown as readonly ValidCase[];
const INVALID: readonly string[] = selectorCases.invalid;

const isStringMap = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.values(value).every((entry) => typeof entry === 'string');

function parsed(text: string): CalicoExpression {
  const result = parseCalicoSelector(text);
  if (!result.ok) throw new Error(`${JSON.stringify(text)} does not parse: ${result.error}`);
  return result.selector.expression;
}

function canonical(text: string): string {
  return canonicalCalicoSelector(parsed(text));
}

function errorOf(text: string): string {
  const result = parseCalicoSelector(text);
  if (result.ok) throw new Error(`${JSON.stringify(text)} parsed as ${result.selector.text}`);
  return result.error;
}

describe('the transcribed Calico selector cases', () => {
  it('keeps where they come from and under which licence', () => {
    expect(selectorCases.source).toContain(
      'projectcalico/calico@87c15906f20c4ca1fda55af92295e7678b0cc0b2',
    );
    expect(selectorCases.license).toBe('Apache-2.0');
    expect(VALID).toHaveLength(100);
    expect(INVALID).toHaveLength(41);
    for (const testCase of VALID) {
      expect(typeof testCase.selector).toBe('string');
      expect([...testCase.matches, ...testCase.nonMatches].every(isStringMap)).toBe(true);
      expect(testCase.canonical === undefined || typeof testCase.canonical === 'string').toBe(true);
    }
  });

  it.each(VALID.map((c) => [JSON.stringify(c.selector), c] as const))(
    'parses %s and matches as Calico does',
    (_name, testCase) => {
      const result = parseCalicoSelector(testCase.selector);
      expect(result).toMatchObject({ ok: true });
      if (!result.ok) return;
      const { expression, text } = result.selector;
      for (const labels of testCase.matches)
        expect([labels, matchesLabels(expression, labels)]).toEqual([labels, true]);
      for (const labels of testCase.nonMatches) {
        expect([labels, matchesLabels(expression, labels)]).toEqual([labels, false]);
      }
      if (testCase.canonical !== undefined) expect(text).toBe(testCase.canonical);
      // The canonical text reads back to the same selector.
      expect(canonical(text)).toBe(text);
    },
  );

  it.each(INVALID.map((text) => [JSON.stringify(text), text] as const))(
    'refuses %s',
    (_name, text) => {
      expect(errorOf(text)).toMatch(/ at (\d+|the end)$/);
    },
  );
});

describe('parseCalicoSelector', () => {
  it.each([
    ['', 'all()'],
    [' \t ', 'all()'],
    ['has( a )', 'has(a)'],
    ['all( )', 'all()'],
    ['global(\t)', 'global()'],
    ['a notin {"x"}', 'a not in {"x"}'],
    ['a not   in {"x"}', 'a not in {"x"}'],
    ['a not\tin{"x"}', 'a not in {"x"}'],
    ['a startswith "x"', 'a starts with "x"'],
    ['a ends\twith "x"', 'a ends with "x"'],
    ['a in {"x",}', 'a in {"x"}'],
    ['a in {}', 'a in {}'],
    ['a == ""', 'a == ""'],
    ['a contains"v"', 'a contains "v"'],
    ["a in{'b','a','b'}", 'a in {"a", "b"}'],
    ['in in {"in"}', 'in in {"in"}'],
    ['not not in {"x"}', 'not not in {"x"}'],
    ['has == "x"', 'has == "x"'],
    ['all != "x" && global == "y"', '(all != "x" && global == "y")'],
    ['a == "1" && b == "2" && c == "3"', '(a == "1" && b == "2" && c == "3")'],
    ['(a == "1" && b == "2") && c == "3"', '((a == "1" && b == "2") && c == "3")'],
    ['a == "1" || b == "2" && c == "3"', '(a == "1" || (b == "2" && c == "3"))'],
    ['!!a == "1"', 'a == "1"'],
    ['! ! ! a == "1"', '!a == "1"'],
    ['!(a == "1" || b == "2")', '!(a == "1" || b == "2")'],
    ['a == "\'"', 'a == "\'"'],
    ["a == '\"'", "a == '\"'"],
    ['a.b/c_d-e == "π ✓"', 'a.b/c_d-e == "π ✓"'],
    ['a == "line\nbreak"', 'a == "line\nbreak"'],
  ])('reads %j as %s', (text, expected) => {
    expect(canonical(text)).toBe(expected);
  });

  it('accepts a label of 512 characters and refuses one of 513', () => {
    expect(canonical(`has(${'a'.repeat(512)})`)).toBe(`has(${'a'.repeat(512)})`);
    expect(canonical(`${'a'.repeat(512)} == "x"`)).toBe(`${'a'.repeat(512)} == "x"`);
    expect(errorOf(`has(${'a'.repeat(513)})`)).toBe('label longer than 512 characters at 5');
    expect(errorOf(`${'a'.repeat(513)} == "x"`)).toBe('label longer than 512 characters at 1');
  });

  it.each([
    ['a == b', 'expected a quoted value after "==" but found label "b" at 6'],
    ['label ==', 'expected a quoted value after "==" but found the end at the end'],
    ['b', 'expected an operator after label "b" at the end'],
    ['a b', 'expected an operator after label "a" at 3'],
    ['a (', 'expected an operator after label "a" at 3'],
    ['label inf "value"', 'expected an operator after label "label" at 7'],
    ['label ends withs "value"', 'expected an operator after label "label" at 7'],
    ['a = "b"', 'expected "==" at 3'],
    ['a == "b" & c == "d"', 'expected "&&" at 10'],
    ['a == "b" |', 'expected "||" at 10'],
    ['a == "b', 'unterminated string starting at 6'],
    ['"b" == a', 'unexpected value "b" at 1'],
    ['!', 'expected a selector term at the end'],
    ['has(a) &&', 'expected a selector term at the end'],
    ['()', 'unexpected ")" at 2'],
    [')', 'unexpected ")" at 1'],
    ['(has(a)', 'expected ")" but found the end at the end'],
    ['has()', 'expected a label inside "has(...)" at 5'],
    ['has(a', 'expected ")" to close "has(" at the end'],
    ['all(', 'expected ")" to close "all(" at the end'],
    ['global(x)', 'expected ")" to close "global(" at 8'],
    ['has (a)', 'expected an operator after label "has" at 5'],
    ['a in "x"', 'expected a set such as {"a", "b"} after "in" but found value "x" at 6'],
    ['a in {"x" "y"}', 'expected "}" or a quoted value in the set but found value "y" at 11'],
    ['a in {"x", ||', 'expected "}" or a quoted value in the set but found "||" at 12'],
    ['%', 'unexpected character "%" at 1'],
    ['has(a) has(b)', 'unexpected "has(b)" at 8'],
    ['has(a)\n', 'unexpected character "\\n" at 7'],
    ['has(a)\r', 'unexpected character "\\r" at 7'],
  ])('refuses %j: %s', (text, message) => {
    expect(errorOf(text)).toBe(message);
  });

  it('reads long and deeply nested selectors without throwing', () => {
    const terms = Array.from({ length: 20000 }, (_, i) => `k${i} == "v"`);
    expect(parseCalicoSelector(terms.join(' && '))).toMatchObject({ ok: true });
    expect(canonical(`${'('.repeat(300)}has(a)${')'.repeat(300)}`)).toBe('has(a)');
    expect(canonical(`${'('.repeat(1000)}has(a)${')'.repeat(1000)}`)).toBe('has(a)');
    expect(errorOf(`${'('.repeat(100000)}has(a)${')'.repeat(100000)}`)).toBe(
      'parentheses nested more than 1000 deep at 1001',
    );
  });

  it('keeps nested AND and OR as Calico parses them', () => {
    expect(parsed('a == "1" && (b == "2" || has(c)) && !all()')).toEqual({
      op: 'and',
      operands: [
        { op: 'eq', key: 'a', value: '1' },
        {
          op: 'or',
          operands: [
            { op: 'eq', key: 'b', value: '2' },
            { op: 'has', key: 'c' },
          ],
        },
        { op: 'not', operand: { op: 'all' } },
      ],
    });
  });

  it('sorts sets in byte order (as Go does) and removes repeats', () => {
    expect(parsed('a in {"b", "B", "a", "😀", "\uffff", "b"}')).toEqual({
      op: 'in',
      key: 'a',
      values: ['B', 'a', 'b', '\uffff', '😀'],
    });
  });
});

describe('matchesCalicoSelector', () => {
  const present = { k: 'value' };
  it.each([
    ['k == "value"', true, false],
    ['k != "value"', false, true],
    ['k != "other"', true, true],
    ['k in {"value"}', true, false],
    ['k not in {"value"}', false, true],
    ['k not in {}', true, true],
    ['has(k)', true, false],
    ['!has(k)', false, true],
    ['k contains "alu"', true, false],
    ['k contains ""', true, false],
    ['k starts with "val"', true, false],
    ['k starts with ""', true, false],
    ['k ends with "lue"', true, false],
    ['k ends with ""', true, false],
    ['all()', true, true],
    ['global()', true, true],
    ['!all()', false, false],
    ['', true, true],
  ])('%s: label present %s, label absent %s', (text, whenPresent, whenAbsent) => {
    expect(matchesLabels(parsed(text), present)).toBe(whenPresent);
    expect(matchesLabels(parsed(text), {})).toBe(whenAbsent);
  });

  it('compares exactly, case included', () => {
    expect(matchesLabels(parsed('k == "Value"'), present)).toBe(false);
    expect(matchesLabels(parsed('k contains "VAL"'), present)).toBe(false);
  });

  it('asks the lookup function for each key it needs', () => {
    const asked: string[] = [];
    const lookup = (key: string): string | undefined => {
      asked.push(key);
      return key === 'pcns.team' ? 'a' : undefined;
    };
    expect(matchesCalicoSelector(parsed('pcns.team == "a" && !has(x)'), lookup)).toBe(true);
    expect(asked).toEqual(['pcns.team', 'x']);
  });

  it('does not take inherited object properties for labels', () => {
    expect(matchesLabels(parsed('has(constructor)'), {})).toBe(false);
    expect(matchesLabels(parsed('toString != "x"'), {})).toBe(true);
  });
});

describe('selector rewrites', () => {
  it('prefixes every key, as Calico does for namespace and service-account selectors', () => {
    const expression = parsed(
      'a == "1" && (has(b) || !c in {"x"}) && d not in {} && e contains "" && all()',
    );
    expect(canonicalCalicoSelector(prefixKeys(expression, 'pcns.'))).toBe(
      '(pcns.a == "1" && (has(pcns.b) || !pcns.c in {"x"}) && pcns.d not in {} && pcns.e contains "" && all())',
    );
  });

  it('replaces all() and global() wherever they appear', () => {
    const namespaced = has('projectcalico.org/namespace');
    const expression = parsed('all() || !global() && has(x)');
    expect(
      canonicalCalicoSelector(
        replaceAllAndGlobal(expression, { all: namespaced, global: not(namespaced) }),
      ),
    ).toBe('(has(projectcalico.org/namespace) || (!!has(projectcalico.org/namespace) && has(x)))');
    expect(canonicalCalicoSelector(replaceAllAndGlobal(expression, { all: namespaced }))).toBe(
      '(has(projectcalico.org/namespace) || (!global() && has(x)))',
    );
  });

  it('builds expressions the way Calico combines selector texts', () => {
    expect(and()).toEqual({ op: 'all' });
    expect(and(has('a'))).toEqual(has('a'));
    expect(canonicalCalicoSelector(and(and(eq('a', '1'), eq('b', '2')), has('c')))).toBe(
      '((a == "1" && b == "2") && has(c))',
    );
    expect(inSet('k', ['b', 'a', 'b'])).toEqual({ op: 'in', key: 'k', values: ['a', 'b'] });
  });

  it('finds global() anywhere', () => {
    expect(containsGlobal(parsed('global()'))).toBe(true);
    expect(containsGlobal(parsed('has(a) && !(b == "c" || global())'))).toBe(true);
    expect(containsGlobal(parsed('global == "global()"'))).toBe(false);
  });

  it('writes expressions the parser cannot produce', () => {
    expect(canonicalCalicoSelector({ op: 'and', operands: [] })).toBe('all()');
    expect(canonicalCalicoSelector({ op: 'or', operands: [] })).toBe('!all()');
    expect(canonicalCalicoSelector({ op: 'in', key: 'k', values: ['b', 'a', 'a'] })).toBe(
      'k in {"a", "b"}',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

const KEYS = [
  'a',
  'b',
  'k8s-app',
  'x.y/z_1',
  'has',
  'all',
  'global',
  'in',
  'not',
  'contains',
  'starts',
  'ends',
];
const VALUES = ['', 'a', 'b', 'ab', 'ba', '"', "'", ' ', 'all()', 'é'];

const keyArb = fc.constantFrom(...KEYS);
/** Any string Calico can write: not both quote characters. */
const valueArb = fc.oneof(
  fc.constantFrom(...VALUES),
  fc.string({ unit: 'binary' }).filter((v) => !(v.includes('"') && v.includes("'"))),
);

const leafArb: fc.Arbitrary<CalicoExpression> = fc.oneof(
  fc.constant<CalicoExpression>({ op: 'all' }),
  fc.constant<CalicoExpression>({ op: 'global' }),
  keyArb.map((key): CalicoExpression => ({ op: 'has', key })),
  fc
    .record({
      op: fc.constantFrom('eq', 'ne', 'contains', 'startsWith', 'endsWith' as const),
      key: keyArb,
      value: valueArb,
    })
    .map((e): CalicoExpression => e),
  fc
    .record({
      op: fc.constantFrom('in', 'notIn' as const),
      key: keyArb,
      values: fc.array(valueArb, { maxLength: 4 }),
    })
    .map((e): CalicoExpression => e),
);

/** Expressions as Calico parses them: no `!` directly on a `!` (parity would fold it away). */
const expressionArb: fc.Arbitrary<CalicoExpression> = fc.letrec<{
  expr: CalicoExpression;
  notExpr: CalicoExpression;
}>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafArb,
    tie('notExpr'),
    fc
      .record({
        op: fc.constantFrom('and', 'or' as const),
        operands: fc.array(tie('expr'), { minLength: 2, maxLength: 4 }),
      })
      .map((e): CalicoExpression => e),
  ),
  notExpr: tie('expr')
    .filter((operand) => operand.op !== 'not')
    .map((operand): CalicoExpression => ({ op: 'not', operand })),
})).expr;

const labelsArb = fc.dictionary(keyArb, fc.constantFrom(...VALUES), { maxKeys: KEYS.length });

/** Strings made of selector pieces, so the parser gets past the first token more often. */
const selectorishArb = fc
  .array(
    fc.constantFrom(
      'a',
      'b',
      ' ',
      '\t',
      '\n',
      '==',
      '!=',
      '!',
      '&&',
      '||',
      '&',
      '|',
      '(',
      ')',
      '{',
      '}',
      ',',
      '"x"',
      "'y'",
      '"',
      "'",
      'in',
      'not',
      'notin',
      'contains',
      'starts',
      'with',
      'ends',
      'has(',
      'all(',
      'global(',
      'has(a)',
      'all()',
      'global()',
      '%',
      '=',
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

describe('selector properties', () => {
  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), selectorishArb), (text) => {
        const result = parseCalicoSelector(text);
        if (!result.ok) {
          expect(result.error).toMatch(/ at (\d+|the end)$/);
          return;
        }
        // Whatever parses prints as a text that parses to a selector with the same verdicts; from
        // there on the text is a fixed point (only `!(!x)` prints as `!!x` and folds once).
        const again = parseCalicoSelector(result.selector.text);
        expect(again.ok).toBe(true);
        if (!again.ok) return;
        expect(canonical(again.selector.text)).toBe(again.selector.text);
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the canonical text of an expression back to the same selector', () => {
    fc.assert(
      fc.property(
        expressionArb,
        fc.array(labelsArb, { minLength: 1, maxLength: 5 }),
        (expression, labelMaps) => {
          const text = canonicalCalicoSelector(expression);
          const result = parseCalicoSelector(text);
          expect(result).toMatchObject({ ok: true, selector: { text } });
          if (!result.ok) return;
          for (const labels of labelMaps) {
            expect(matchesLabels(result.selector.expression, labels)).toBe(
              matchesLabels(expression, labels),
            );
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('negates by the parity of leading "!"', () => {
    fc.assert(
      fc.property(
        expressionArb,
        fc.array(fc.constantFrom('!', '! ', '!\t'), { minLength: 1, maxLength: 5 }),
        labelsArb,
        (expression, bangs, labels) => {
          const negated = bangs.length % 2 === 1;
          const result = parseCalicoSelector(
            `${bangs.join('')}${canonicalCalicoSelector(expression)}`,
          );
          expect(result.ok).toBe(true);
          if (!result.ok) return;
          expect(matchesLabels(result.selector.expression, labels)).toBe(
            matchesLabels(expression, labels) !== negated,
          );
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps verdicts when keys are prefixed and labels are looked up under the prefix', () => {
    fc.assert(
      fc.property(expressionArb, labelsArb, (expression, labels) => {
        const prefixed = prefixKeys(expression, 'pcns.');
        const lookup = (key: string): string | undefined =>
          key.startsWith('pcns.') && Object.hasOwn(labels, key.slice(5))
            ? labels[key.slice(5)]
            : undefined;
        expect(matchesCalicoSelector(prefixed, lookup)).toBe(matchesLabels(expression, labels));
      }),
      { numRuns: 500 },
    );
  });
});

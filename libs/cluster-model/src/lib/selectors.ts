import type { LabelSelector, LabelSelectorRequirement, SelectorOperator } from './types';
import type { Issues } from './issues';
import {
  child,
  item,
  readList,
  readRecord,
  readString,
  readStringList,
  readStringMap,
} from './field-readers';
import { describeValue, isAbsent } from './unknown-values';

const OPERATORS: readonly SelectorOperator[] = ['In', 'NotIn', 'Exists', 'DoesNotExist'];

/** The selector that matches everything (`{}`). */
export function emptySelector(): LabelSelector {
  return { matchLabels: {}, matchExpressions: [] };
}

/**
 * Reads a metav1.LabelSelector, validated as the API server validates it. Returns undefined when
 * the selector is absent (the caller knows what absence means) or invalid (reported).
 */
export function readLabelSelector(
  issues: Issues,
  value: unknown,
  path: string,
): LabelSelector | undefined {
  const before = issues.count;
  const record = readRecord(issues, value, path);
  if (record === undefined) return undefined;
  const matchLabels =
    readStringMap(issues, record['matchLabels'], child(path, 'matchLabels')) ?? {};
  const expressionsPath = child(path, 'matchExpressions');
  const expressions = readList(issues, record['matchExpressions'], expressionsPath) ?? [];
  const matchExpressions: LabelSelectorRequirement[] = [];
  expressions.forEach((entry, index) => {
    const requirement = readRequirement(issues, entry, item(expressionsPath, index));
    if (requirement !== undefined) matchExpressions.push(requirement);
  });
  return issues.count === before ? { matchLabels, matchExpressions } : undefined;
}

function readRequirement(
  issues: Issues,
  value: unknown,
  path: string,
): LabelSelectorRequirement | undefined {
  const record = readRecord(issues, value, path);
  if (record === undefined) {
    if (isAbsent(value)) issues.report(path, 'must be an object, got null');
    return undefined;
  }
  const key = readString(issues, record['key'], child(path, 'key'));
  if (key === undefined || key === '') {
    if (isAbsent(record['key']) || key === '') issues.report(child(path, 'key'), 'is required');
    return undefined;
  }
  const operatorValue = record['operator'];
  if (!OPERATORS.includes(operatorValue as SelectorOperator)) {
    issues.report(
      child(path, 'operator'),
      isAbsent(operatorValue)
        ? 'is required'
        : `${describeValue(operatorValue)} is not a valid selector operator: must be one of ${OPERATORS.join(', ')}`,
    );
    return undefined;
  }
  const operator = operatorValue as SelectorOperator;
  const valuesPath = child(path, 'values');
  const values = readStringList(issues, record['values'], valuesPath);
  if (values === undefined && !isAbsent(record['values'])) return undefined;
  const list = values ?? [];
  if ((operator === 'In' || operator === 'NotIn') && list.length === 0) {
    issues.report(valuesPath, `must be specified when operator is ${operator}`);
    return undefined;
  }
  if ((operator === 'Exists' || operator === 'DoesNotExist') && list.length > 0) {
    issues.report(valuesPath, `may not be specified when operator is ${operator}`);
    return undefined;
  }
  return { key, operator, values: list };
}

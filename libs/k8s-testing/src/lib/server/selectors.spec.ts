import { resourceTypeForKind, type ResourceType } from './resource-types';
import {
  matchesFields,
  matchesLabels,
  parseFieldSelector,
  parseLabelSelector,
  SelectorError,
} from './selectors';

const pods = resourceTypeForKind('Pod') as ResourceType;
const services = resourceTypeForKind('Service') as ResourceType;

describe('label selectors', () => {
  const labels = { app: 'web', tier: 'frontend', version: '3' };
  const matches = (selector: string, on: Record<string, string> = labels): boolean =>
    matchesLabels(parseLabelSelector(selector), on);

  it('selects everything with an empty selector', () => {
    expect(matches('')).toBe(true);
    expect(matches('', {})).toBe(true);
  });

  it('matches equality and inequality, where a missing label is "not equal"', () => {
    expect(matches('app=web')).toBe(true);
    expect(matches('app==web,tier=frontend')).toBe(true);
    expect(matches('app=api')).toBe(false);
    expect(matches('app!=api')).toBe(true);
    expect(matches('team!=a')).toBe(true);
    expect(matches('app=')).toBe(false);
    expect(matches('app=', { app: '' })).toBe(true);
  });

  it('matches set-based requirements: in, notin, exists and !exists', () => {
    expect(matches('tier in (frontend, backend)')).toBe(true);
    expect(matches('tier in (backend)')).toBe(false);
    expect(matches('tier notin (backend)')).toBe(true);
    expect(matches('team notin (a)')).toBe(true);
    expect(matches('app')).toBe(true);
    expect(matches('!app')).toBe(false);
    expect(matches('!team,app in (web),tier')).toBe(true);
  });

  it('compares integers with > and <', () => {
    expect(matches('version>2')).toBe(true);
    expect(matches('version<3')).toBe(false);
    expect(matches('app>1')).toBe(false);
  });

  it.each([
    ['app in ()', "values set can't be empty"],
    ['app in (a', 'expected ")"'],
    ['app=a,', 'expected a requirement'],
    ['=a', 'unexpected "="'],
    ['app=a b', 'expected ","'],
    ['-bad=a', 'invalid label key'],
    ['app=-x', 'invalid label value'],
  ])('rejects %j', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(SelectorError);
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});

describe('field selectors', () => {
  const pod = {
    kind: 'Pod',
    metadata: { name: 'web-1', namespace: 'shop' },
    spec: { nodeName: 'node-a' },
    status: { phase: 'Running' },
  };

  it('matches metadata.name and metadata.namespace with =, == and !=', () => {
    expect(matchesFields(parseFieldSelector('metadata.name=web-1', pods), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.namespace==shop', pods), pod)).toBe(true);
    expect(matchesFields(parseFieldSelector('metadata.name!=web-1', pods), pod)).toBe(false);
    expect(
      matchesFields(parseFieldSelector('metadata.namespace=shop,metadata.name=other', pods), pod),
    ).toBe(false);
  });

  it("supports the pod fields the server indexes, but not other kinds' fields", () => {
    expect(
      matchesFields(parseFieldSelector('spec.nodeName=node-a,status.phase=Running', pods), pod),
    ).toBe(true);
    expect(matchesFields(parseFieldSelector('spec.hostNetwork=false', pods), pod)).toBe(true);
    expect(() => parseFieldSelector('spec.nodeName=node-a', services)).toThrow(
      'field label not supported: spec.nodeName',
    );
    expect(() => parseFieldSelector('metadata.labels=x', pods)).toThrow(
      'field label not supported',
    );
  });

  it('reads escaped separators as part of the value', () => {
    expect(parseFieldSelector('metadata.name=a\\,b', pods)).toEqual([
      { field: 'metadata.name', operator: '=', value: 'a,b' },
    ]);
  });
});

import type { WorkloadPod } from '@palisade/api-contract';
import {
  defaultPortOf,
  explainRequest,
  isIpAddress,
  normalizePort,
  parseExplainQuery,
  parsePeer,
  podEndpoint,
} from './explain-query';

const pod = (name: string, ports: WorkloadPod['ports'] = [], synthetic?: boolean): WorkloadPod => ({
  name,
  ips: [],
  labels: {},
  ports,
  ...(synthetic ? { synthetic } : {}),
});

describe('parseExplainQuery', () => {
  it('shows an empty form, with the default port, until a peer is asked for', () => {
    expect(parseExplainQuery({}, '8080/TCP')).toEqual({
      fields: { peer: '', direction: 'in', port: '8080/TCP' },
      input: { state: 'blank' },
    });
  });

  it('reads a workload peer, the direction and a port without protocol as TCP', () => {
    const { input } = parseExplainQuery(
      { peer: ' analytics/Deployment/events-collector ', direction: 'out', port: '9090' },
      '8080/TCP',
    );
    expect(input).toEqual({
      state: 'ready',
      peer: {
        kind: 'workload',
        namespace: 'analytics',
        workloadKind: 'Deployment',
        name: 'events-collector',
      },
      direction: 'out',
      port: '9090/TCP',
    });
  });

  it('reads an IP address as an address, and falls back to the default port when none is typed', () => {
    const { fields, input } = parseExplainQuery({ peer: '8.8.8.8', port: '' }, '443/TCP');
    expect(input).toEqual({
      state: 'ready',
      peer: { kind: 'address', address: '8.8.8.8' },
      direction: 'in',
      port: '443/TCP',
    });
    expect(fields.port).toBe('443/TCP');
  });

  it('takes anything but "out" as the inbound direction', () => {
    expect(
      parseExplainQuery({ peer: '10.0.0.1', direction: 'sideways' }, '80/TCP').fields.direction,
    ).toBe('in');
    expect(
      parseExplainQuery({ peer: '10.0.0.1', direction: ['out', 'in'] }, '80/TCP').fields.direction,
    ).toBe('out');
  });

  it('explains what is wrong with a bad port, and keeps the typed text in the form', () => {
    for (const port of ['0', '70000', '80/HTTP', 'http', '-1']) {
      const { fields, input } = parseExplainQuery(
        { peer: 'shop/Deployment/frontend', port },
        '8080/TCP',
      );
      expect(input.state).toBe('invalid');
      expect(input.state === 'invalid' && input.problems).toEqual([
        expect.stringContaining(`"${port}" is not a port`),
      ]);
      expect(fields.port).toBe(port);
    }
  });

  it('asks for a port when the workload declares none and none is typed', () => {
    const { input } = parseExplainQuery({ peer: 'shop/Deployment/frontend' }, undefined);
    expect(input).toEqual({
      state: 'invalid',
      problems: [expect.stringContaining('declares no container port')],
    });
  });

  it('reports a bad peer and a bad port together', () => {
    const { input } = parseExplainQuery({ peer: 'not a peer', port: 'x' }, '80/TCP');
    expect(input.state === 'invalid' && input.problems).toHaveLength(2);
  });
});

describe('parsePeer', () => {
  it('tells workloads, pods and addresses apart', () => {
    expect(parsePeer('payments/StatefulSet/ledger')).toEqual({
      kind: 'workload',
      namespace: 'payments',
      workloadKind: 'StatefulSet',
      name: 'ledger',
    });
    expect(parsePeer('payments/ledger-0')).toEqual({
      kind: 'pod',
      namespace: 'payments',
      name: 'ledger-0',
    });
    expect(parsePeer('2001:db8::1')).toEqual({ kind: 'address', address: '2001:db8::1' });
    expect(parsePeer('10.1.2.3')).toEqual({ kind: 'address', address: '10.1.2.3' });
  });

  it('refuses what is none of them', () => {
    for (const text of ['frontend', 'a/b/c/d', 'shop//frontend', '/x', 'shop/Deploy ment/x']) {
      expect(parsePeer(text)).toBeUndefined();
    }
  });
});

describe('isIpAddress', () => {
  it('accepts IPv4 and IPv6 and nothing else', () => {
    expect(
      ['0.0.0.0', '255.255.255.255', '::1', 'fe80::1', '::ffff:10.0.0.1'].every(isIpAddress),
    ).toBe(true);
    expect(['256.1.1.1', '1.2.3', 'shop/x', '1::2::3', 'abc', '1.2.3.4/32'].some(isIpAddress)).toBe(
      false,
    );
  });
});

describe('normalizePort', () => {
  it('writes a port the way the API takes it', () => {
    expect(normalizePort('53/udp')).toBe('53/UDP');
    expect(normalizePort('65535')).toBe('65535/TCP');
    expect(normalizePort('65536')).toBeUndefined();
  });
});

describe('the explain request', () => {
  it('puts the peer first when it connects in, and last when this workload connects out', () => {
    expect(explainRequest('in', 'payments/ledger-0', 'analytics/collector-1', '5432/TCP')).toEqual({
      from: 'analytics/collector-1',
      to: 'payments/ledger-0',
      port: '5432/TCP',
    });
    expect(explainRequest('out', 'payments/ledger-0', '8.8.8.8', '53/UDP')).toEqual({
      from: 'payments/ledger-0',
      to: '8.8.8.8',
      port: '53/UDP',
    });
  });

  it('uses a running pod over one made from the template', () => {
    expect(podEndpoint('shop', [pod('frontend-template', [], true), pod('frontend-abc')])).toBe(
      'shop/frontend-abc',
    );
    expect(podEndpoint('shop', [pod('frontend-template', [], true)])).toBe(
      'shop/frontend-template',
    );
    expect(podEndpoint('shop', [])).toBeUndefined();
  });

  it('defaults to the first declared container port', () => {
    expect(
      defaultPortOf([
        pod('a'),
        pod('b', [
          { port: 8080, protocol: 'tcp' },
          { port: 9090, protocol: 'TCP' },
        ]),
      ]),
    ).toBe('8080/TCP');
    expect(defaultPortOf([pod('a')])).toBeUndefined();
  });
});

import type { Explanation, WorkloadPod } from '@palisade/api-contract';
import type { ApiResult } from '../data-access/api-result';
import { answerExplain, type ExplainApi } from './explain-answer';
import type { ExplainInput } from './explain-query';

const pod = (name: string, synthetic?: boolean): WorkloadPod => ({
  name,
  ips: [],
  labels: {},
  ports: [],
  ...(synthetic ? { synthetic } : {}),
});
const self = { namespace: 'payments', pods: [pod('ledger-0'), pod('ledger-1')] };

const explanation = (allowed: boolean): Explanation => ({
  from: 'a',
  to: 'b',
  port: { port: 5432, protocol: 'TCP' },
  allowed,
  verdict: allowed ? 'allowed' : 'denied',
  self: false,
  egress: null,
  ingress: null,
  lines: [],
});

function fakeApi(answers: {
  workload?: ApiResult<{ namespace: string; pods: readonly WorkloadPod[] }>;
  explain?: ApiResult<Explanation>;
}) {
  const calls: { workloads: unknown[]; explains: unknown[] } = { workloads: [], explains: [] };
  const api: ExplainApi = {
    getWorkload: async (ref) => {
      calls.workloads.push(ref);
      return (
        answers.workload ?? {
          ok: true,
          data: { namespace: 'analytics', pods: [pod('collector-1')] },
        }
      );
    },
    explainConnection: async (query) => {
      calls.explains.push(query);
      return answers.explain ?? { ok: true, data: explanation(false) };
    },
  };
  return { api, calls };
}

const ready = (
  peer: Extract<ExplainInput, { state: 'ready' }>['peer'],
  direction: 'in' | 'out' = 'in',
): ExplainInput => ({
  state: 'ready',
  peer,
  direction,
  port: '5432/TCP',
});
const collector = {
  kind: 'workload',
  namespace: 'analytics',
  workloadKind: 'Deployment',
  name: 'events-collector',
} as const;

describe('answerExplain', () => {
  it('asks nothing until a peer is given, and repeats the form problems without asking', async () => {
    const { api, calls } = fakeApi({});
    expect(await answerExplain(api, self, { state: 'blank' })).toEqual({ kind: 'none' });
    expect(await answerExplain(api, self, { state: 'invalid', problems: ['bad port'] })).toEqual({
      kind: 'problems',
      problems: ['bad port'],
    });
    expect(calls.explains).toEqual([]);
  });

  it('explains a workload peer through its first pod, connecting in', async () => {
    const { api, calls } = fakeApi({});
    const answer = await answerExplain(api, self, ready(collector));
    expect(calls.workloads).toEqual([
      { namespace: 'analytics', kind: 'Deployment', name: 'events-collector' },
    ]);
    expect(calls.explains).toEqual([
      { from: 'analytics/collector-1', to: 'payments/ledger-0', port: '5432/TCP' },
    ]);
    expect(answer).toMatchObject({ kind: 'explained', explanation: { allowed: false } });
  });

  it('puts this workload first when it connects out to an address', async () => {
    const { api, calls } = fakeApi({ explain: { ok: true, data: explanation(true) } });
    await answerExplain(api, self, ready({ kind: 'address', address: '8.8.8.8' }, 'out'));
    expect(calls.workloads).toEqual([]);
    expect(calls.explains).toEqual([
      { from: 'payments/ledger-0', to: '8.8.8.8', port: '5432/TCP' },
    ]);
  });

  it('says so when the peer workload does not exist or has no pod', async () => {
    const missing = fakeApi({
      workload: {
        ok: false,
        error: { kind: 'http-error', url: 'u', status: 404, message: 'workload not found' },
      },
    });
    expect(await answerExplain(missing.api, self, ready(collector))).toEqual({
      kind: 'problems',
      problems: [
        expect.stringMatching(
          /^There is no workload analytics\/Deployment\/events-collector in this cluster, .* give one of its pods as namespace\/pod\.$/,
        ),
      ],
    });
    expect(missing.calls.explains).toEqual([]);

    const empty = fakeApi({ workload: { ok: true, data: { namespace: 'analytics', pods: [] } } });
    expect(await answerExplain(empty.api, self, ready(collector))).toMatchObject({
      kind: 'problems',
      problems: [expect.stringContaining('has no pod')],
    });
  });

  it("shows the API's refusal of the question as a problem, with its message", async () => {
    const { api } = fakeApi({
      explain: {
        ok: false,
        error: {
          kind: 'http-error',
          url: 'u',
          status: 400,
          message: '--from: no pod shop/x in the input',
        },
      },
    });
    expect(
      await answerExplain(api, self, ready({ kind: 'pod', namespace: 'shop', name: 'x' })),
    ).toEqual({
      kind: 'problems',
      problems: ['The API could not explain this connection: --from: no pod shop/x in the input'],
    });
  });

  it('reports the API being down as a failure, not as a problem with the question', async () => {
    const down = { kind: 'unreachable', url: 'u', reason: 'ECONNREFUSED' } as const;
    const { api } = fakeApi({ workload: { ok: false, error: down } });
    expect(await answerExplain(api, self, ready(collector))).toEqual({
      kind: 'failure',
      error: down,
    });
    const broken = fakeApi({
      explain: { ok: false, error: { kind: 'http-error', url: 'u', status: 500, message: 'boom' } },
    });
    expect(
      await answerExplain(broken.api, self, ready({ kind: 'address', address: '1.1.1.1' })),
    ).toMatchObject({
      kind: 'failure',
    });
  });

  it('cannot explain for a workload without pods', async () => {
    const { api, calls } = fakeApi({});
    expect(
      await answerExplain(api, { namespace: 'payments', pods: [] }, ready(collector)),
    ).toMatchObject({ kind: 'problems' });
    expect(calls.workloads).toEqual([]);
  });
});

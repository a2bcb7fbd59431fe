import type { Explanation, WorkloadDetail } from '@palisade/api-contract';
import type { ApiFailure, ApiResult } from '../data-access/api-result';
import { explainRequest, podEndpoint, type ExplainInput, type ExplainPeer } from './explain-query';

/** What the explain form's answer region shows. */
export type ExplainAnswer =
  | { readonly kind: 'none' }
  /** The question cannot be asked as it stands: say why, keep the form. */
  | { readonly kind: 'problems'; readonly problems: readonly string[] }
  /** The API could not be asked (down, or answering badly). */
  | { readonly kind: 'failure'; readonly error: ApiFailure }
  | {
      readonly kind: 'explained';
      readonly request: { readonly from: string; readonly to: string; readonly port: string };
      readonly explanation: Explanation;
    };

/** The two API calls it needs, passed in so the decisions here are tested without a server. */
export interface ExplainApi {
  getWorkload(ref: {
    namespace: string;
    kind: string;
    name: string;
  }): Promise<ApiResult<Pick<WorkloadDetail, 'namespace' | 'pods'>>>;
  explainConnection(query: {
    from: string;
    to: string;
    port: string;
  }): Promise<ApiResult<Explanation>>;
}

/** A 400 or 404 is about the question (an unknown peer, a bad port), not the API being broken. */
const isAboutTheQuestion = (error: ApiFailure) =>
  error.kind === 'http-error' && (error.status === 400 || error.status === 404);

/**
 * Answers the form: a workload peer stands for one of its pods, this workload for one of its own,
 * and the explain API decides between them in the direction asked.
 */
export async function answerExplain(
  api: ExplainApi,
  self: Pick<WorkloadDetail, 'namespace' | 'pods'>,
  input: ExplainInput,
): Promise<ExplainAnswer> {
  if (input.state === 'blank') return { kind: 'none' };
  if (input.state === 'invalid') return { kind: 'problems', problems: input.problems };

  const selfPod = podEndpoint(self.namespace, self.pods);
  if (!selfPod) {
    return {
      kind: 'problems',
      problems: ['This workload has no pod, so no connection of its can be explained.'],
    };
  }
  const peer = await peerEndpoint(api, input.peer);
  if (peer.kind !== 'endpoint') return peer;

  const request = explainRequest(input.direction, selfPod, peer.endpoint, input.port);
  const result = await api.explainConnection(request);
  if (result.ok) return { kind: 'explained', request, explanation: result.data };
  if (isAboutTheQuestion(result.error) && result.error.kind === 'http-error') {
    return {
      kind: 'problems',
      problems: [`The API could not explain this connection: ${result.error.message}`],
    };
  }
  return { kind: 'failure', error: result.error };
}

async function peerEndpoint(
  api: ExplainApi,
  peer: ExplainPeer,
): Promise<
  | { readonly kind: 'endpoint'; readonly endpoint: string }
  | Exclude<ExplainAnswer, { kind: 'explained' }>
> {
  switch (peer.kind) {
    case 'address':
      return { kind: 'endpoint', endpoint: peer.address };
    case 'pod':
      return { kind: 'endpoint', endpoint: `${peer.namespace}/${peer.name}` };
    case 'workload': {
      const name = `${peer.namespace}/${peer.workloadKind}/${peer.name}`;
      const workload = await api.getWorkload({
        namespace: peer.namespace,
        kind: peer.workloadKind,
        name: peer.name,
      });
      if (!workload.ok) {
        return isAboutTheQuestion(workload.error)
          ? {
              kind: 'problems',
              problems: [
                `There is no workload ${name} in this cluster, or its namespace is left out of the audit (kube-system is, by default): pick one from the list, or give one of its pods as namespace/pod.`,
              ],
            }
          : { kind: 'failure', error: workload.error };
      }
      const endpoint = podEndpoint(peer.namespace, workload.data.pods);
      return endpoint
        ? { kind: 'endpoint', endpoint }
        : { kind: 'problems', problems: [`The workload ${name} has no pod to connect with.`] };
    }
  }
}

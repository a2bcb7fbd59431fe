import type { ResourceType } from './resource-types';

/** The reasons the fake answers with (metav1.StatusReason). */
export type StatusReason =
  | 'BadRequest'
  | 'Unauthorized'
  | 'Forbidden'
  | 'NotFound'
  | 'AlreadyExists'
  | 'Conflict'
  | 'Gone'
  | 'Expired'
  | 'Invalid'
  | 'MethodNotAllowed'
  | 'ServiceUnavailable'
  | 'InternalError';

export interface StatusDetails {
  readonly name?: string;
  readonly group?: string;
  readonly kind?: string;
  readonly causes?: readonly {
    readonly reason?: string;
    readonly message: string;
    readonly field?: string;
  }[];
}

/** A failure as the API server writes it: the body of every error response and of watch ERROR events. */
export interface KubeStatus {
  readonly kind: 'Status';
  readonly apiVersion: 'v1';
  readonly metadata: Record<string, never>;
  readonly status: 'Failure';
  readonly message: string;
  readonly reason: StatusReason;
  readonly code: number;
  readonly details?: StatusDetails;
}

/** Thrown by the control API and turned into a Status response by the HTTP layer. */
export class KubeApiError extends Error {
  constructor(readonly status: KubeStatus) {
    super(status.message);
    this.name = 'KubeApiError';
  }

  get code(): number {
    return this.status.code;
  }

  get reason(): StatusReason {
    return this.status.reason;
  }
}

export function kubeStatus(
  code: number,
  reason: StatusReason,
  message: string,
  details?: StatusDetails,
): KubeStatus {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    code,
    ...(details !== undefined && { details }),
  };
}

function detailsOf(type: ResourceType, name?: string): StatusDetails {
  return {
    ...(name !== undefined && { name }),
    ...(type.group !== '' && { group: type.group }),
    kind: type.plural,
  };
}

function resourceName(type: ResourceType): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** The Status bodies the real API server sends, message for message. */
export const statuses = {
  notFound: (type: ResourceType, name: string): KubeStatus =>
    kubeStatus(404, 'NotFound', `${resourceName(type)} "${name}" not found`, detailsOf(type, name)),
  /** An unknown path, or a resource whose CRD is not installed. */
  noSuchResource: (): KubeStatus =>
    kubeStatus(404, 'NotFound', 'the server could not find the requested resource', {}),
  alreadyExists: (type: ResourceType, name: string): KubeStatus =>
    kubeStatus(
      409,
      'AlreadyExists',
      `${resourceName(type)} "${name}" already exists`,
      detailsOf(type, name),
    ),
  conflict: (type: ResourceType, name: string): KubeStatus =>
    kubeStatus(
      409,
      'Conflict',
      `Operation cannot be fulfilled on ${resourceName(type)} "${name}": the object has been modified; please apply your changes to the latest version and try again`,
      detailsOf(type, name),
    ),
  invalid: (kind: string, name: string, field: string, message: string): KubeStatus =>
    kubeStatus(422, 'Invalid', `${kind} "${name}" is invalid: ${field}: ${message}`, {
      name,
      kind,
      causes: [{ reason: 'FieldValueInvalid', message, field }],
    }),
  badRequest: (message: string): KubeStatus => kubeStatus(400, 'BadRequest', message),
  unauthorized: (): KubeStatus => kubeStatus(401, 'Unauthorized', 'Unauthorized'),
  forbidden: (user: string, verb: string, type: ResourceType, namespace?: string): KubeStatus =>
    kubeStatus(
      403,
      'Forbidden',
      `${resourceName(type)} is forbidden: User "${user}" cannot ${verb} resource "${type.plural}" in API group "${type.group}" ${
        namespace === undefined ? 'at the cluster scope' : `in the namespace "${namespace}"`
      }`,
      detailsOf(type),
    ),
  /** A watch from a resourceVersion the server no longer has history for. */
  tooOldResourceVersion: (requested: number, oldest: number): KubeStatus =>
    kubeStatus(410, 'Expired', `too old resource version: ${requested} (${oldest})`),
  expiredContinue: (): KubeStatus =>
    kubeStatus(
      410,
      'Expired',
      'The provided continue parameter is too old to display a consistent list result. You can start a new list without the continue parameter, or use the continue token in this response to retrieve the remainder of the results. Continuing with the provided token results in an inconsistent list - objects that were created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
    ),
  methodNotAllowed: (method: string): KubeStatus =>
    kubeStatus(
      405,
      'MethodNotAllowed',
      `the server does not allow this method on the requested resource (${method})`,
    ),
  unavailable: (): KubeStatus =>
    kubeStatus(503, 'ServiceUnavailable', 'the server is currently unable to handle the request'),
  internal: (message: string): KubeStatus =>
    kubeStatus(500, 'InternalError', `Internal error occurred: ${message}`),
};

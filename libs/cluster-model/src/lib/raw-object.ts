import type { SourceRef } from './types';

/**
 * One Kubernetes object as decoded from a manifest or an API response, before it is read.
 * `obj` stays `unknown`: it is untrusted input, and `buildModel` narrows and validates it.
 */
export interface RawObject {
  readonly obj: unknown;
  readonly source?: SourceRef;
}

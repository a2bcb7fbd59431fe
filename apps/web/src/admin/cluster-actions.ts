'use server';

import { revalidatePath } from 'next/cache';
import { sendJson, type WriteResult } from '../alerts/api-write';
import { text } from '../alerts/form-bodies';
import type { FormState } from '../alerts/form-state';
import {
  keptClusterValues,
  kubeconfigBodyOf,
  newClusterBodyOf,
  removalConfirmed,
} from './cluster-bodies';

/**
 * Clusters an admin adds, re-keys and removes. A kubeconfig goes to the API and nowhere else:
 * no answer of these actions carries it back to the page, not even to refill the form after an
 * error (the admin pastes it again).
 */

const CLUSTERS = '/admin/clusters';

const clusterPath = (form: FormData) => `/api/clusters/${encodeURIComponent(text(form, 'id'))}`;

const sentence = (words: string) => `${words.charAt(0).toUpperCase()}${words.slice(1)}`;

function failedWith(previous: FormState, form: FormData) {
  return (error: string, fields: FormState['fields'] = []): FormState => ({
    attempt: previous.attempt + 1,
    error,
    fields,
    values: keptClusterValues(form),
  });
}

/** The API's field errors; a name in use is the name field's problem. */
function fieldsOf(result: Extract<WriteResult, { ok: false }>): FormState['fields'] {
  return result.code === 'cluster-name-taken'
    ? [{ field: 'name', message: result.message }]
    : result.fields;
}

export async function createCluster(previous: FormState, form: FormData): Promise<FormState> {
  const failed = failedWith(previous, form);
  const built = newClusterBodyOf(form);
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  const result = await sendJson('POST', '/api/clusters', built.body);
  if (!result.ok) return failed(sentence(result.message), fieldsOf(result));
  revalidatePath(CLUSTERS);
  return {
    attempt: previous.attempt + 1,
    done: `Watching ${built.body.name}: it shows as connected once Palisade reaches it, and its first snapshot follows.`,
  };
}

/** New credentials for a cluster added through the API; its collector restarts with them. */
export async function replaceKubeconfig(previous: FormState, form: FormData): Promise<FormState> {
  const failed = failedWith(previous, form);
  const built = kubeconfigBodyOf(form);
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  const result = await sendJson('PUT', `${clusterPath(form)}/kubeconfig`, built.body);
  if (!result.ok) return failed(sentence(result.message), fieldsOf(result));
  revalidatePath(CLUSTERS);
  return {
    attempt: previous.attempt + 1,
    done: `New credentials saved for ${text(form, 'name')}: it reconnects with them.`,
  };
}

/** Stops watching a cluster added through the API and deletes its history, once confirmed. */
export async function removeCluster(previous: FormState, form: FormData): Promise<FormState> {
  const failed = (error: string): FormState => ({ attempt: previous.attempt + 1, error });
  if (!removalConfirmed(form)) {
    return failed(
      `Tick “I understand the history is deleted” to remove ${text(form, 'name')}: its snapshots, changes and alerts go with it.`,
    );
  }
  const result = await sendJson('DELETE', clusterPath(form));
  if (!result.ok) return failed(sentence(result.message));
  revalidatePath(CLUSTERS);
  return { attempt: previous.attempt + 1 };
}

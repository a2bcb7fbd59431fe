import { text, type BodyResult, type FieldError, type FormFields } from '../alerts/form-bodies';

/**
 * Form data -> the bodies of POST /api/clusters and PUT /api/clusters/:id/kubeconfig. The API
 * checks the kubeconfig itself (credentials inside the file only); here only what is missing.
 */

export interface KubeconfigBody {
  /** As pasted: YAML whose indentation matters, so not trimmed. */
  readonly kubeconfig: string;
  /** Absent: the kubeconfig's current context. */
  readonly context?: string;
}

export interface NewClusterBody extends KubeconfigBody {
  readonly name: string;
}

function kubeconfigOf(form: FormFields): {
  readonly body: KubeconfigBody;
  readonly errors: FieldError[];
} {
  const value = form.get('kubeconfig');
  const kubeconfig = typeof value === 'string' ? value : '';
  const context = text(form, 'context');
  return {
    body: { kubeconfig, ...(context && { context }) },
    errors: kubeconfig.trim()
      ? []
      : [{ field: 'kubeconfig', message: 'Paste the kubeconfig (YAML).' }],
  };
}

export function newClusterBodyOf(form: FormFields): BodyResult<NewClusterBody> {
  const name = text(form, 'name');
  const { body, errors } = kubeconfigOf(form);
  const all = [...(name ? [] : [{ field: 'name', message: 'Name the cluster.' }]), ...errors];
  return all.length > 0 ? { ok: false, errors: all } : { ok: true, body: { name, ...body } };
}

export function kubeconfigBodyOf(form: FormFields): BodyResult<KubeconfigBody> {
  const { body, errors } = kubeconfigOf(form);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, body };
}

/**
 * What a cluster form types back in after an error: the name and the context, never the
 * kubeconfig (it holds the cluster's credentials; the page must not carry it back).
 */
export function keptClusterValues(form: FormFields): Record<string, string[]> {
  return Object.fromEntries(
    ['name', 'context'].flatMap((name) =>
      form.get(name) === null ? [] : [[name, [text(form, name)]]],
    ),
  );
}

/** Removing deletes the cluster's history: the form's checkbox says the admin knows. */
export function removalConfirmed(form: FormFields): boolean {
  return text(form, 'confirm') === 'on';
}

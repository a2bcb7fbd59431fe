'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { sendJson } from '../alerts/api-write';
import { keptValues } from '../alerts/form-bodies';
import type { FormState } from '../alerts/form-state';
import { reportBodyOf } from './report-form-body';

/** "Generate now": the API generates the report before it answers; then the report opens. */
export async function generateReport(previous: FormState, form: FormData): Promise<FormState> {
  const failed = (error: string, fields: FormState['fields'] = []): FormState => ({
    attempt: previous.attempt + 1,
    error,
    fields,
    values: keptValues(form),
  });
  const built = reportBodyOf(form);
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  const result = await sendJson('POST', '/api/reports', built.body);
  if (!result.ok) return failed(result.message, result.fields);
  const id = (result.body as { id?: unknown } | undefined)?.id;
  revalidatePath('/reports');
  redirect(typeof id === 'string' ? `/reports/${encodeURIComponent(id)}` : '/reports');
}

'use server';

import type { AlertRuleItem, ChannelTestResult } from '@palisade/api-contract';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { isAlertRuleItem, isChannelTestResult } from '../data-access/alerts-checks';
import { getRule } from '../data-access/alerts-data';
import { sendJson } from './api-write';
import {
  channelBodyOf,
  exceptionBodyOf,
  keptValues,
  ruleBodyOf,
  text,
  type BodyResult,
} from './form-bodies';
import type { FormState } from './form-state';

/**
 * The alerting pages' writes. Each calls the API server side, then re-renders the list; a
 * form's failure comes back as its state, with what the user typed (secrets left out).
 */

const id = (form: FormData) => encodeURIComponent(text(form, 'id'));

async function save<T>(
  previous: FormState,
  form: FormData,
  built: BodyResult<T>,
  path: string,
  listPath: string,
): Promise<FormState> {
  const failed = (error: string, fields: FormState['fields'] = []): FormState => ({
    attempt: previous.attempt + 1,
    error,
    fields,
    values: keptValues(form),
  });
  if (!built.ok) return failed('Check the highlighted fields.', built.errors);
  const editing = text(form, 'id') !== '';
  const result = await sendJson(
    editing ? 'PUT' : 'POST',
    editing ? `${path}/${id(form)}` : path,
    built.body,
  );
  if (!result.ok) return failed(result.message, result.fields);
  revalidatePath(listPath);
  redirect(listPath);
}

async function remove(path: string, listPath: string): Promise<void> {
  const result = await sendJson('DELETE', path);
  // Gone already is what was asked.
  if (!result.ok && !/not found|no (rule|channel|exception)/i.test(result.message)) {
    throw new Error(result.message);
  }
  revalidatePath(listPath);
  redirect(listPath);
}

export async function saveRule(previous: FormState, form: FormData): Promise<FormState> {
  return save(previous, form, ruleBodyOf(form), '/api/alert-rules', '/alerts/rules');
}

export async function deleteRule(form: FormData): Promise<void> {
  await remove(`/api/alert-rules/${id(form)}`, '/alerts/rules');
}

/** PUT replaces a rule: the stored rule is read and sent back with `enabled` flipped. */
export async function setRuleEnabled(form: FormData): Promise<void> {
  const rule = await getRule(text(form, 'id'));
  if (!rule.ok) throw new Error(`the rule could not be read: ${JSON.stringify(rule.error)}`);
  const { name, kinds, clusterId, namespace, matchLabels, severity, channelIds } =
    rule.data satisfies AlertRuleItem;
  const result = await sendJson('PUT', `/api/alert-rules/${id(form)}`, {
    name,
    enabled: text(form, 'enabled') === 'true',
    kinds,
    clusterId,
    namespace,
    matchLabels,
    severity,
    channelIds,
  });
  if (!result.ok || !isAlertRuleItem(result.body)) {
    throw new Error(result.ok ? 'unexpected answer' : result.message);
  }
  revalidatePath('/alerts/rules');
  redirect('/alerts/rules');
}

export async function saveChannel(previous: FormState, form: FormData): Promise<FormState> {
  return save(previous, form, channelBodyOf(form), '/api/channels', '/alerts/channels');
}

export async function deleteChannel(form: FormData): Promise<void> {
  await remove(`/api/channels/${id(form)}`, '/alerts/channels');
}

export interface TestState {
  readonly result?: ChannelTestResult;
  readonly error?: string;
}

export async function testChannel(_previous: TestState, form: FormData): Promise<TestState> {
  const result = await sendJson('POST', `/api/channels/${id(form)}/test`);
  revalidatePath('/alerts/deliveries');
  if (!result.ok) return { error: result.message };
  return isChannelTestResult(result.body)
    ? { result: result.body }
    : { error: 'The API gave an unexpected answer.' };
}

export async function saveException(previous: FormState, form: FormData): Promise<FormState> {
  return save(previous, form, exceptionBodyOf(form), '/api/exceptions', '/alerts/exceptions');
}

export async function deleteException(form: FormData): Promise<void> {
  await remove(`/api/exceptions/${id(form)}`, '/alerts/exceptions');
}

/** Someone has seen the alert: the API records who and when (it keeps firing until resolved). */
export async function acknowledgeAlert(previous: FormState, form: FormData): Promise<FormState> {
  const result = await sendJson('POST', `/api/alerts/${id(form)}/acknowledge`);
  if (!result.ok) return { attempt: previous.attempt + 1, error: result.message };
  revalidatePath('/alerts');
  return { attempt: previous.attempt + 1 };
}

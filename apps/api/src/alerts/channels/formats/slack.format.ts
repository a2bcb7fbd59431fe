import { escapeSlack } from './escape';
import { AlertNotification, idempotencyHeaders, labelList, OutgoingRequest, title } from './notification';

const ICON = { firing: { info: ':information_source:', warning: ':warning:', critical: ':rotating_light:' }, resolved: ':white_check_mark:' } as const;

/** Slack incoming webhook: `{ text, blocks }`, everything from the cluster escaped for mrkdwn. */
export function slackRequest(url: string, n: AlertNotification, key: string): OutgoingRequest {
  const icon = n.status === 'resolved' ? ICON.resolved : ICON.firing[n.severity];
  const fields = [
    ['Cluster', n.cluster],
    ['Namespace', n.namespace],
    ['Workload', n.workload],
    ['Policy', n.policy],
    ['Labels', labelList(n.labels) || null],
  ].filter((f): f is [string, string] => f[1] !== null && f[1] !== '');
  const text = `${icon} ${escapeSlack(title(n))}: ${escapeSlack(n.summary)}`;
  const body = {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text: `${icon} *${escapeSlack(title(n))}*\n${escapeSlack(n.summary)}` } },
      { type: 'section', fields: fields.map(([name, value]) => ({ type: 'mrkdwn', text: `*${name}*\n${escapeSlack(value)}` })) },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `<${encodeURI(n.url)}|Open in Palisade> · ${escapeSlack(n.at)}` }] },
    ],
  };
  return { url, headers: { 'Content-Type': 'application/json', ...idempotencyHeaders(key) }, body: JSON.stringify(body) };
}

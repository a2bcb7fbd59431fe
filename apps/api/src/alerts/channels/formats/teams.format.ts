import { escapeTeams } from './escape';
import { AlertNotification, idempotencyHeaders, labelList, OutgoingRequest, title } from './notification';

const COLOR = { info: '2F80ED', warning: 'F2994A', critical: 'EB5757', resolved: '27AE60' } as const;

/** Microsoft Teams incoming webhook: a MessageCard, everything from the cluster escaped. */
export function teamsRequest(url: string, n: AlertNotification, key: string): OutgoingRequest {
  const facts = [
    ['Cluster', n.cluster],
    ['Namespace', n.namespace],
    ['Workload', n.workload],
    ['Policy', n.policy],
    ['Labels', labelList(n.labels) || null],
    ['At', n.at],
  ].filter((f): f is [string, string] => f[1] !== null && f[1] !== '');
  const body = {
    '@type': 'MessageCard',
    '@context': 'https://schema.org/extensions',
    themeColor: n.status === 'resolved' ? COLOR.resolved : COLOR[n.severity],
    summary: escapeTeams(title(n)),
    title: escapeTeams(title(n)),
    sections: [{ text: escapeTeams(n.summary), facts: facts.map(([name, value]) => ({ name, value: escapeTeams(value) })), markdown: true }],
    potentialAction: [{ '@type': 'OpenUri', name: 'Open in Palisade', targets: [{ os: 'default', uri: n.url }] }],
  };
  return { url, headers: { 'Content-Type': 'application/json', ...idempotencyHeaders(key) }, body: JSON.stringify(body) };
}

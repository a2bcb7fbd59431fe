import { escapeHtml, oneLine } from './escape';
import { AlertNotification, labelList, title } from './notification';

export interface EmailMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** An email: plain text, and HTML with everything from the cluster escaped. */
export function emailMessage(n: AlertNotification): EmailMessage {
  const rows = [
    ['Cluster', n.cluster],
    ['Namespace', n.namespace],
    ['Workload', n.workload],
    ['Policy', n.policy],
    ['Labels', labelList(n.labels) || null],
    ['Severity', n.severity],
    ['At', n.at],
  ].filter((r): r is [string, string] => r[1] !== null && r[1] !== '');
  const text = [n.summary, '', ...rows.map(([k, v]) => `${k}: ${v}`), '', n.url, ''].join('\n');
  const html = [
    `<h2>${escapeHtml(title(n))}</h2>`,
    `<p>${escapeHtml(n.summary)}</p>`,
    `<table>${rows.map(([k, v]) => `<tr><th align="left">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`,
    `<p><a href="${escapeHtml(n.url)}">Open in Palisade</a></p>`,
  ].join('\n');
  return { subject: oneLine(`[Palisade] ${title(n)}: ${n.summary}`), text, html };
}

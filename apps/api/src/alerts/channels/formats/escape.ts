/** Text from the cluster (names, labels) placed into each format without being read as markup. */

/** Slack mrkdwn: the three characters Slack requires escaped, so `<!channel>` or links cannot be injected. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** HTML (email bodies, and Teams cards which render a subset of HTML). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Teams MessageCard text: HTML-escaped, and markdown's active characters backslash-escaped. */
export function escapeTeams(text: string): string {
  return escapeHtml(text).replace(/([\\`*_[\]()#|~])/g, '\\$1');
}

/** A single header line (email subject): no line breaks. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ');
}

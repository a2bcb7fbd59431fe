/** The same server and credentials as `url`, another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}

/** The database a URL names (`postgres` when it names none, as libpq does for user postgres). */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  return name || new URL(url).username || 'postgres';
}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Removes the URL's password from text a child process printed. */
export function redactPassword(text: string, url: string): string {
  const password = decodeURIComponent(new URL(url).password);
  return password ? text.split(password).join('***') : text;
}

/** A double-quoted SQL identifier (database names cannot be bind parameters). */
export function quoteIdentifier(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

// Test support (imported by specs only).

/** The text a reader gets from rendered HTML, one space between elements. */
export function readerText(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

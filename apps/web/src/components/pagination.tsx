import Link from 'next/link';
import dashboard from './dashboard.module.css';
import type { PageLinks } from './page-links';

const WORDS = { first: 'First', previous: 'Previous', next: 'Next', last: 'Last' };

/**
 * First / previous / "page N of M" / next / last, as links (the page is in the URL); a link
 * that leads nowhere is shown disabled. Nothing when everything fits on one page.
 */
export function Pagination({
  links,
  label = 'Pagination',
  words = WORDS,
}: {
  readonly links: PageLinks;
  readonly label?: string;
  /** The timeline says Newest / Newer / Older / Oldest. */
  readonly words?: typeof WORDS;
}) {
  if (links.pages === 1 && !links.previous) return null;
  const link = (href: string | undefined, text: string, rel?: string) =>
    href ? (
      <Link href={href} {...(rel ? { rel } : {})}>
        {text}
      </Link>
    ) : (
      <span aria-disabled="true">{text}</span>
    );
  return (
    <nav aria-label={label} className={dashboard.pagination}>
      {link(links.first, words.first)}
      {link(links.previous, words.previous, 'prev')}
      <span>
        Page {links.page} of {links.pages}
      </span>
      {link(links.next, words.next, 'next')}
      {link(links.last, words.last)}
    </nav>
  );
}

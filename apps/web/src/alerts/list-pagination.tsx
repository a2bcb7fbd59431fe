import Link from 'next/link';
import dashboard from '../components/dashboard.module.css';
import type { PageLinks } from './alerts-url';

export function ListPagination({ links }: { readonly links: PageLinks }) {
  if (links.pages === 1) return null;
  const link = (href: string | undefined, label: string, rel?: string) =>
    href ? (
      <Link href={href} {...(rel ? { rel } : {})}>
        {label}
      </Link>
    ) : (
      <span aria-disabled="true">{label}</span>
    );
  return (
    <nav aria-label="Pagination" className={dashboard.pagination}>
      {link(links.first, 'First')}
      {link(links.previous, 'Previous', 'prev')}
      <span>
        Page {links.page} of {links.pages}
      </span>
      {link(links.next, 'Next', 'next')}
      {link(links.last, 'Last')}
    </nav>
  );
}

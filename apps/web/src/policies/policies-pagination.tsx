import { Pagination } from '../components/pagination';
import { pageLinks, type PoliciesQuery } from './policies-url';

export function PoliciesPagination({
  basePath,
  query,
  total,
}: {
  readonly basePath: string;
  readonly query: PoliciesQuery;
  readonly total: number;
}) {
  return <Pagination links={pageLinks(basePath, query, total)} />;
}

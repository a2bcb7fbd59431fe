'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';

/** The not-found screen gets no params as props: the cluster comes from the URL. */
export function BackToPolicies() {
  const { id } = useParams<{ id: string }>();
  return <Link href={`/clusters/${id}/policies`}>Back to the policies</Link>;
}

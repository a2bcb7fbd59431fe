'use client';

import Link from 'next/link';
import { useParams } from 'next/navigation';

/** not-found.tsx gets no params: the cluster's id comes from the URL. */
export function BackToWorkloads() {
  const { id } = useParams<{ id: string }>();
  return <Link href={`/clusters/${id}/workloads`}>Back to the workloads</Link>;
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ApiUnavailable } from '../../../../../components/api-unavailable';
import dashboard from '../../../../../components/dashboard.module.css';
import { PageSkeleton } from '../../../../../components/page-skeleton';
import { listNamespaces } from '../../../../../data-access/cluster-data';
import { DefaultDenyStatus } from '../../../../../namespaces/default-deny-status';
import { NamespaceTrendSection, RangeNav } from '../../../../../namespaces/namespace-sections';
import styles from '../../../../../namespaces/namespaces.module.css';
import { namespacePath } from '../../../../../namespaces/namespaces-url';
import {
  TREND_RANGES,
  parseTrendRange,
  trendLabel,
  trendQuery,
} from '../../../../../overview/trend-range';
import { NamespacePoliciesSection } from '../../../../../policies/policies-sections';

type Params = Promise<{ id: string; namespace: string }>;

// Next may hand a dynamic segment over still percent-encoded; a namespace name is a DNS label.
const decoded = (segment: string) => {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
};

export async function generateMetadata({ params }: { readonly params: Params }): Promise<Metadata> {
  return { title: `Namespace ${decoded((await params).namespace)}` };
}

const RANGES = TREND_RANGES.map((value) => ({ value, label: trendLabel(value) }));

export default async function NamespacePage({
  params,
  searchParams,
}: {
  readonly params: Params;
  readonly searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id, namespace: segment } = await params;
  const name = decoded(segment);
  const range = parseTrendRange((await searchParams)['range']);
  const namespaces = await listNamespaces(id);
  if (!namespaces.ok) {
    if (namespaces.error.kind === 'http-error' && namespaces.error.status === 404) notFound();
    return <ApiUnavailable error={namespaces.error} />;
  }
  const namespace = namespaces.data.items.find((ns) => ns.name === name);
  if (!namespace) notFound();
  const workloadsHref = `/clusters/${id}/workloads?namespace=${encodeURIComponent(name)}`;

  return (
    <article aria-labelledby="namespace-title">
      <div className={styles.pageHeader}>
        <div>
          <p className={dashboard.eyebrow}>
            <Link href={`/clusters/${id}/namespaces`}>Namespaces</Link> /
          </p>
          <h2 id="namespace-title">{name}</h2>
        </div>
        <Link href={workloadsHref}>
          The {namespace.workloads} {namespace.workloads === 1 ? 'workload' : 'workloads'} of {name}
        </Link>
      </div>

      <section aria-labelledby="isolation-title" className={dashboard.section}>
        <h3 id="isolation-title" className={styles.sectionTitle}>Isolation</h3>
        <dl className={styles.facts}>
          <div>
            <dt>Score</dt>
            <dd data-figure="score">{namespace.score === null ? '–' : `${namespace.score} / 100`}</dd>
          </div>
          <div>
            <dt>Workloads</dt>
            <dd>{namespace.workloads}</dd>
          </div>
          <div>
            <dt>Unprotected</dt>
            <dd>{namespace.unprotectedWorkloads}</dd>
          </div>
          <div>
            <dt>Exposed</dt>
            <dd>{namespace.exposedWorkloads}</dd>
          </div>
          <div>
            <dt>NetworkPolicies</dt>
            <dd>{namespace.networkPolicies}</dd>
          </div>
        </dl>
        <DefaultDenyStatus namespace={namespace} />
      </section>

      <section aria-labelledby="namespace-trend-title" className={dashboard.section}>
        <div className={dashboard.sectionHeader}>
          <h3 id="namespace-trend-title" className={`${styles.sectionTitle} ${styles.flush}`}>Score trend</h3>
          <RangeNav basePath={namespacePath(id, name)} ranges={RANGES} current={range} />
        </div>
        <Suspense key={range} fallback={<PageSkeleton label="the score trend" />}>
          <NamespaceTrendSection
            clusterId={id}
            namespace={name}
            from={trendQuery(range, new Date()).from}
            rangeLabel={trendLabel(range)}
          />
        </Suspense>
      </section>

      <section aria-labelledby="namespace-policies-title" className={dashboard.section}>
        <h3 id="namespace-policies-title" className={styles.sectionTitle}>Policies</h3>
        <Suspense fallback={<PageSkeleton label="the policies" />}>
          <NamespacePoliciesSection clusterId={id} namespace={name} />
        </Suspense>
      </section>
    </article>
  );
}

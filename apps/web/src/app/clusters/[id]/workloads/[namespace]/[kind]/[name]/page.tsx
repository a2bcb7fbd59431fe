import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Suspense } from 'react';
import { ApiUnavailable } from '../../../../../../../components/api-unavailable';
import shared from '../../../../../../../components/dashboard.module.css';
import { PageSkeleton } from '../../../../../../../components/page-skeleton';
import { getWorkload } from '../../../../../../../data-access/cluster-data';
import { parseTrendRange } from '../../../../../../../overview/trend-range';
import { ChangesSection } from '../../../../../../../workload-detail/changes-section';
import { detailHref, workloadHref } from '../../../../../../../workload-detail/detail-links';
import { ExplainForm } from '../../../../../../../workload-detail/explain-form';
import { ExplainResult, PeerOptions } from '../../../../../../../workload-detail/explain-section';
import {
  defaultPortOf,
  parseExplainQuery,
  type SearchParams,
} from '../../../../../../../workload-detail/explain-query';
import { PeersSection } from '../../../../../../../workload-detail/peers-section';
import { PodsSection } from '../../../../../../../workload-detail/pods-section';
import { PoliciesSection } from '../../../../../../../workload-detail/policies-section';
import { EntryPointsSection } from '../../../../../../../workload-detail/entry-points-section';
import {
  HistoryRangeNav,
  ScoreHistorySection,
} from '../../../../../../../workload-detail/score-history-section';
import { WorkloadHeader } from '../../../../../../../workload-detail/workload-header';
import { WorkloadLiveRefresh } from '../../../../../../../workload-detail/workload-live-refresh';

interface Params {
  readonly id: string;
  readonly namespace: string;
  readonly kind: string;
  readonly name: string;
}

/** Route segments may reach us still percent-encoded; Kubernetes names never contain `%`. */
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

export async function generateMetadata({
  params,
}: {
  readonly params: Promise<Params>;
}): Promise<Metadata> {
  const { namespace, name } = await params;
  return { title: `${decoded(namespace)}/${decoded(name)}` };
}

export default async function WorkloadDetailPage({
  params,
  searchParams,
}: {
  readonly params: Promise<Params>;
  readonly searchParams: Promise<SearchParams>;
}) {
  const { id, ...segments } = await params;
  const ref = {
    namespace: decoded(segments.namespace),
    kind: decoded(segments.kind),
    name: decoded(segments.name),
  };
  const search = await searchParams;
  const range = parseTrendRange(search['range']);

  const detail = await getWorkload(id, ref);
  if (!detail.ok) {
    if (detail.error.kind === 'http-error' && [400, 404].includes(detail.error.status)) notFound();
    return <ApiUnavailable error={detail.error} />;
  }
  const workload = detail.data;
  const basePath = workloadHref(id, ref);
  const { fields, input } = parseExplainQuery(search, defaultPortOf(workload.pods));
  const explainHref = (peer: string, direction: 'in' | 'out') =>
    `${detailHref(basePath, { range, explain: { peer, direction, port: fields.port } })}#explain-title`;

  return (
    <>
      <WorkloadLiveRefresh workload={ref} />
      <WorkloadHeader workload={workload} />
      <div className={shared.columns}>
        <PodsSection pods={workload.pods} />
        <PoliciesSection clusterId={id} workload={workload} />
        <EntryPointsSection workload={workload} />
        <PeersSection
          clusterId={id}
          direction="in"
          peers={workload.reachableFromWorkloads}
          explainHref={explainHref}
        />
        <PeersSection
          clusterId={id}
          direction="out"
          peers={workload.reachableToWorkloads}
          explainHref={explainHref}
        />
        <section aria-labelledby="history-title" className={`${shared.section} ${shared.wide}`}>
          <div className={shared.sectionHeader}>
            <h2 id="history-title">Score history</h2>
            <HistoryRangeNav
              range={range}
              hrefFor={(r) => detailHref(basePath, { range: r, explain: fields })}
            />
          </div>
          <Suspense key={range} fallback={<PageSkeleton label="the score history" />}>
            <ScoreHistorySection clusterId={id} workload={ref} range={range} />
          </Suspense>
        </section>
        <ChangesSection clusterId={id} changes={workload.changes} />
        <section aria-labelledby="explain-title" className={`${shared.section} ${shared.wide}`}>
          <h2 id="explain-title">Explain a connection</h2>
          <ExplainForm
            action={basePath}
            fields={fields}
            range={range}
            self={`${ref.namespace}/${ref.name}`}
          />
          <Suspense fallback={null}>
            <PeerOptions clusterId={id} />
          </Suspense>
          <Suspense
            key={JSON.stringify(fields)}
            fallback={<PageSkeleton label="the explanation" />}
          >
            <ExplainResult clusterId={id} workload={workload} input={input} />
          </Suspense>
        </section>
      </div>
    </>
  );
}

import type { ClusterItem } from '@palisade/api-contract';
import { renderToStaticMarkup } from 'react-dom/server';
import { readerText } from '../testing/reader-text';
import { ClusterOverview } from './cluster-overview';

function cluster(overrides: Partial<ClusterItem>): ClusterItem {
  return {
    id: `id-${overrides.name ?? 'c'}`,
    name: 'c',
    source: 'kubeconfig',
    status: 'ok',
    score: 80,
    lastSnapshotAt: '2025-03-04T05:06:07.000Z',
    snapshotIntervalSeconds: 300,
    latest: null,
    ...overrides,
  };
}

describe('ClusterOverview', () => {
  it("shows each cluster's name, score and status, with the reason when it is not ok", () => {
    const html = renderToStaticMarkup(
      <ClusterOverview
        result={{
          ok: true,
          data: {
            items: [
              cluster({
                name: 'prod-eu',
                score: 87,
                statusReason: 'should not show: the cluster is ok',
                latest: {
                  seq: 12,
                  pods: 40,
                  workloads: 20,
                  namespaces: 4,
                  policies: 9,
                  unprotectedWorkloads: 3,
                  exposedWorkloads: 5,
                  ingressIsolatedPercent: 85,
                  egressIsolatedPercent: 40,
                  notEnforcedPolicies: 0,
                  cni: null,
                  cniEvidence: null,
                },
              }),
              cluster({
                name: 'staging',
                status: 'forbidden',
                statusReason: 'cannot list networkpolicies',
                score: null,
                lastSnapshotAt: null,
              }),
              cluster({
                name: 'edge',
                status: 'degraded',
                statusReason: 'pod watch restarting',
                score: null,
              }),
            ],
            total: 3,
          },
        }}
        trends={
          new Map([
            [
              'id-prod-eu',
              {
                from: '2025-02-25T05:00:00.000Z',
                to: '2025-03-04T05:00:00.000Z',
                bucket: 'hour' as const,
                points: [
                  {
                    at: '2025-02-25T06:00:00.000Z',
                    score: 80,
                    ingressIsolatedPercent: 80,
                    egressIsolatedPercent: 40,
                    unprotectedWorkloads: 4,
                    exposedWorkloads: 5,
                  },
                  {
                    at: '2025-03-04T05:00:00.000Z',
                    score: 87,
                    ingressIsolatedPercent: 85,
                    egressIsolatedPercent: 40,
                    unprotectedWorkloads: 3,
                    exposedWorkloads: 5,
                  },
                ],
              },
            ],
          ])
        }
      />,
    );
    const [prod, staging, edge] = html.split('<li>').slice(1).map(readerText);

    expect(readerText(html)).toMatch(/^Clusters \(3\)/);
    expect(prod).toContain('prod-eu');
    expect(prod).toContain('Score 87 / 100');
    expect(prod).toContain('Status Connected');
    expect(prod).toContain('Unprotected 3 of 20 workloads');
    expect(prod).toContain('Exposed 5 workloads');
    expect(prod).toContain('Isolated pods 85% ingress, 40% egress');
    expect(prod).toContain('Trend ▲ +7 points in 7 days');
    expect(html).toContain(
      'aria-label="Score over the last 7 days: from 80 to 87, low 80, high 87."',
    );
    expect(staging).toContain('Trend no history yet');
    expect(staging).not.toContain('Unprotected');
    // The fleet's totals, over the clusters that have figures.
    expect(readerText(html)).toContain(
      'Unprotected workloads 3 Exposed workloads 5 Clusters not readable 1 Lowest score 87 (prod-eu)',
    );
    expect(prod).not.toContain('should not show');
    expect(prod).toContain('Last snapshot 2025-03-04 05:06 UTC (every 5 min)');
    expect(staging).toContain('Score no snapshot yet');
    expect(staging).toContain('Status Permission denied cannot list networkpolicies');
    expect(edge).toContain('Score no pods to score');
    expect(edge).toContain('Status Degraded pod watch restarting');
    // Each cluster is a titled region: its name is a heading that labels the card.
    expect(html).toContain(
      '<article class="card" aria-labelledby="cluster-id-prod-eu"><h3 id="cluster-id-prod-eu"',
    );
  });

  it('says when only the first page of clusters is shown', () => {
    const html = renderToStaticMarkup(
      <ClusterOverview
        result={{ ok: true, data: { items: [cluster({ name: 'a' })], total: 120 } }}
      />,
    );

    expect(readerText(html)).toContain('Showing the first 1 of 120 clusters.');
  });

  it('explains how to add clusters when there are none', () => {
    const html = readerText(
      renderToStaticMarkup(
        <ClusterOverview result={{ ok: true, data: { items: [], total: 0 } }} />,
      ),
    );

    expect(html).toContain('No clusters yet');
    expect(html).toContain('KUBECONFIG');
    expect(html).toContain('PALISADE_DEMO=on');
  });

  it('says the API could not be reached, where it looked, and how to start it', () => {
    const html = renderToStaticMarkup(
      <ClusterOverview
        result={{
          ok: false,
          error: {
            kind: 'unreachable',
            url: 'http://127.0.0.1:4000/api/clusters',
            reason: 'ECONNREFUSED',
          },
        }}
      />,
    );

    expect(html).toContain('role="alert"');
    expect(readerText(html)).toContain(
      'The Palisade API could not be reached The dashboard asked http://127.0.0.1:4000/api/clusters and got no answer (ECONNREFUSED).',
    );
    expect(readerText(html)).toContain('npm start');
    expect(readerText(html)).toContain('API_URL');
  });

  it("shows the API's error status and message", () => {
    const html = readerText(
      renderToStaticMarkup(
        <ClusterOverview
          result={{
            ok: false,
            error: {
              kind: 'http-error',
              url: 'http://api/api/clusters',
              status: 500,
              message: 'unexpected error',
            },
          }}
        />,
      ),
    );

    expect(html).toContain('The Palisade API answered with an error');
    expect(html).toContain('got HTTP 500: unexpected error');
  });
});

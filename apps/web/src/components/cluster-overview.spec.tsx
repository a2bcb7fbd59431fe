import type { ClusterItem } from '@palisade/api-contract';
import { renderToStaticMarkup } from 'react-dom/server';
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
    ...overrides,
  };
}

/** The text a reader gets, one space between elements. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
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
      />,
    );
    const [prod, staging, edge] = html.split('<li>').slice(1).map(text);

    expect(text(html)).toMatch(/^Clusters \(3\)/);
    expect(prod).toContain('prod-eu');
    expect(prod).toContain('Score 87 / 100');
    expect(prod).toContain('Status Connected');
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

    expect(text(html)).toContain('Showing the first 1 of 120 clusters.');
  });

  it('explains how to add clusters when there are none', () => {
    const html = text(
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
    expect(text(html)).toContain(
      'The Palisade API could not be reached The dashboard asked http://127.0.0.1:4000/api/clusters and got no answer (ECONNREFUSED).',
    );
    expect(text(html)).toContain('npm start');
    expect(text(html)).toContain('API_URL');
  });

  it("shows the API's error status and message", () => {
    const html = text(
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

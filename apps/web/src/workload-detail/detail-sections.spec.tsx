import type { WorkloadPod } from '@palisade/api-contract';
import { renderToStaticMarkup } from 'react-dom/server';
import { readerText } from '../testing/reader-text';
import { EntryPointsSection } from './entry-points-section';
import { PeersSection } from './peers-section';
import { PodsSection } from './pods-section';

const pod = (over: Partial<WorkloadPod>): WorkloadPod => ({
  name: 'web-1',
  ips: ['10.0.0.5'],
  phase: 'Running',
  nodeName: 'node-a',
  labels: { app: 'web' },
  ports: [{ name: 'http', port: 8080, protocol: 'TCP' }],
  ...over,
});

describe('PodsSection', () => {
  it("lists each pod's IPs, phase, node, ports and labels, and marks a pod made from the template", () => {
    const html = renderToStaticMarkup(
      <PodsSection
        pods={[
          pod({}),
          pod({
            name: 'web-template',
            ips: [],
            phase: undefined,
            nodeName: undefined,
            synthetic: true,
          }),
        ]}
      />,
    );
    const rows = html
      .split(/<tr[^>]*>/)
      .slice(2)
      .map(readerText);
    expect(rows[0]).toBe('web-1 10.0.0.5 Running node-a 8080/TCP (http) app=web');
    expect(rows[1]).toBe(
      'web-template From template, not running none – – 8080/TCP (http) app=web',
    );
    expect(html).toContain('data-synthetic="true"');
  });

  it('says what to do when the workload has no pod', () => {
    expect(readerText(renderToStaticMarkup(<PodsSection pods={[]} />))).toContain(
      'No pod belongs to this workload. Scale it up',
    );
  });
});

describe('PeersSection', () => {
  const explainHref = (peer: string, direction: string) => `?peer=${peer}&direction=${direction}`;

  it('links each peer to its page and to an explanation in the section’s direction', () => {
    const html = renderToStaticMarkup(
      <PeersSection
        clusterId="c1"
        direction="out"
        peers={[{ namespace: 'shop', kind: 'Deployment', name: 'cart', pods: 1, audited: true }]}
        explainHref={explainHref}
      />,
    );
    expect(readerText(html)).toBe('Whom it can reach shop/cart Deployment, 1 pod · Explain');
    expect(html).toContain('href="/clusters/c1/workloads/shop/Deployment/cart"');
    expect(html).toContain('href="?peer=shop/Deployment/cart&amp;direction=out"');
  });

  it('names a peer of a namespace left out of the audit without a link to a page it does not have', () => {
    const html = renderToStaticMarkup(
      <PeersSection
        clusterId="c1"
        direction="in"
        peers={[
          {
            namespace: 'kube-system',
            kind: 'Deployment',
            name: 'coredns',
            pods: 2,
            audited: false,
          },
        ]}
        explainHref={explainHref}
      />,
    );
    expect(readerText(html)).toBe(
      'Who can reach it kube-system/coredns Deployment, 2 pods · namespace not audited',
    );
    expect(html).not.toContain('href=');
  });

  it('tells "not evaluated yet" apart from "nobody"', () => {
    const pending = renderToStaticMarkup(
      <PeersSection clusterId="c1" direction="in" peers={null} explainHref={explainHref} />,
    );
    expect(readerText(pending)).toContain('Not evaluated on this replica yet');
    const none = renderToStaticMarkup(
      <PeersSection clusterId="c1" direction="in" peers={[]} explainHref={explainHref} />,
    );
    expect(readerText(none)).toBe(
      'Who can reach it No workload in the cluster can open a connection to it.',
    );
  });
});

describe('EntryPointsSection', () => {
  it('lists each door with the pod port it leads to, open or closed and why', () => {
    const html = renderToStaticMarkup(
      <EntryPointsSection
        workload={{
          internetExposure: 'published',
          entryPoints: [
            { kind: 'Ingress', name: 'shop/web', port: 443, protocol: 'TCP', host: 'shop.example.com', targetPort: 8080, admitted: true, controller: 'ingress-nginx' },
            { kind: 'NodePort', name: 'shop/web', port: 30080, protocol: 'TCP', targetPort: 8080, admitted: false },
          ],
        }}
      />,
    );
    const rows = html.split(/<tr[^>]*>/).slice(2).map(readerText);
    expect(rows).toEqual([
      'Ingress shop/web https://shop.example.com via ingress-nginx 8080/TCP Open',
      'NodePort shop/web:30080 8080/TCP Closed the policies refuse the traffic on port 8080',
    ]);
    expect(readerText(html)).toContain('The internet reaches it');
  });

  it('says when the policies admit the internet but no door leads there', () => {
    const html = renderToStaticMarkup(<EntryPointsSection workload={{ internetExposure: 'policy-only', entryPoints: [] }} />);
    expect(readerText(html)).toBe('Entry points from the internet Its policies would admit the internet, but no entry point leads to its pods.');
  });
});

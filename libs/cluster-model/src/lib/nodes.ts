import type { Node } from './types';
import type { ObjectHeader } from './object-header';
import { child, item, readList, readRecord, readString } from './field-readers';
import { isRecord } from './unknown-values';
import { parseIpAddress } from './ip-addresses';

/**
 * Node addresses that are IPs: admin policy `nodes` peers match on these. Hostname and DNS entries
 * of status.addresses are not addresses a packet comes from, so they are left out.
 */
export function readNode(header: ObjectHeader): Node {
  const { issues, obj } = header;
  const status = readRecord(issues, obj['status'], 'status');
  const path = 'status.addresses';
  const entries = readList(issues, status?.['addresses'], path) ?? [];
  const addresses: string[] = [];
  entries.forEach((entry, index) => {
    const record = readRecord(issues, entry, item(path, index));
    const address = readString(issues, record?.['address'], child(item(path, index), 'address'));
    if (
      address !== undefined &&
      parseIpAddress(address) !== undefined &&
      !addresses.includes(address)
    ) {
      addresses.push(address);
    }
  });
  const pluginAnnotation = pluginAnnotationOf(header.obj['metadata']);
  return { name: header.name, labels: header.labels, addresses, ...(pluginAnnotation ? { pluginAnnotation } : {}) };
}

/** Annotations Cilium's and Calico's agents write on every node they run on. */
const PLUGIN_ANNOTATION = /^(io\.cilium\.|network\.cilium\.io\/|projectcalico\.org\/)/;

function pluginAnnotationOf(metadata: unknown): string | undefined {
  const annotations = isRecord(metadata) ? metadata['annotations'] : undefined;
  return isRecord(annotations) ? Object.keys(annotations).sort().find((key) => PLUGIN_ANNOTATION.test(key)) : undefined;
}

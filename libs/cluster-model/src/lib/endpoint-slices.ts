import type { EndpointSlice, Protocol } from './types';
import type { ObjectHeader } from './object-header';
import { child, item, readList, readRecord, readString } from './field-readers';
import { parseIpAddress } from './ip-addresses';
import { readPortName, readPortNumber, readProtocol } from './ports';
import { isAbsent } from './unknown-values';

const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';

/** The addresses of every endpoint (ready or not) and the ports of an EndpointSlice. */
export function readEndpointSlice(header: ObjectHeader): EndpointSlice {
  const { issues, obj } = header;
  const addresses: string[] = [];
  const endpoints = readList(issues, obj['endpoints'], 'endpoints') ?? [];
  endpoints.forEach((entry, index) => {
    const path = item('endpoints', index);
    const record = readRecord(issues, entry, path);
    const list = readList(issues, record?.['addresses'], child(path, 'addresses')) ?? [];
    list.forEach((value, i) => {
      const address = readString(issues, value, item(child(path, 'addresses'), i));
      if (address === undefined) return;
      if (parseIpAddress(address) === undefined) issues.report(item(child(path, 'addresses'), i), `invalid IP address ${JSON.stringify(address)}`);
      else if (!addresses.includes(address)) addresses.push(address);
    });
  });
  const ports: { name?: string; port: number; protocol: Protocol }[] = [];
  (readList(issues, obj['ports'], 'ports') ?? []).forEach((entry, index) => {
    const path = item('ports', index);
    const record = readRecord(issues, entry, path);
    if (record === undefined) return;
    const port = readPortNumber(issues, record['port'], child(path, 'port'));
    const protocol = readProtocol(issues, record['protocol'], child(path, 'protocol'));
    const name = isAbsent(record['name']) || record['name'] === '' ? undefined : readPortName(issues, record['name'], child(path, 'name'));
    if (port !== undefined && protocol !== undefined) ports.push({ ...(name !== undefined && { name }), port, protocol });
  });
  const serviceName = header.labels[SERVICE_NAME_LABEL];
  return {
    namespace: header.namespace ?? '',
    name: header.name,
    ...(serviceName !== undefined && { serviceName }),
    addresses,
    ports,
    ...(header.source !== undefined && { source: header.source }),
  };
}

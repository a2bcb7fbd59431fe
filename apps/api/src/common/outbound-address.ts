import * as dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import * as ipaddr from 'ipaddr.js';

/**
 * Which addresses the server may connect to on a caller's behalf (alert channels, clusters
 * added through the API). Link-local and cloud metadata addresses are never allowed: they hand
 * out the host's cloud credentials. Private and loopback ranges are allowed only where a setting
 * says so (a receiver inside the cluster), either all of them or some CIDRs.
 */
export interface AddressPolicy {
  /** true: every private and loopback address; a list: those in these CIDRs; false: none. */
  readonly allowPrivate: boolean | readonly string[];
}

/** Never a target: instance metadata services by address and by name. */
const METADATA_ADDRESSES = new Set(['169.254.169.254', '169.254.170.2', '100.100.100.200', 'fd00:ec2::254']);
const METADATA_NAMES = new Set(['metadata.google.internal', 'metadata.goog', 'metadata', 'instance-data', 'instance-data.ec2.internal']);

const NEVER_RANGES = new Set(['linkLocal', 'unspecified', 'broadcast', 'multicast']);
const PRIVATE_RANGES = new Set(['private', 'loopback', 'uniqueLocal', 'carrierGradeNat', 'reserved']);

export const PRIVATE_TARGETS_HINT = 'ALERT_ALLOW_PRIVATE_TARGETS';

/** An address as ipaddr.js reads it, IPv4-mapped IPv6 seen as the IPv4 it stands for. */
function parsed(text: string): ipaddr.IPv4 | ipaddr.IPv6 | undefined {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  if (!ipaddr.isValid(bare)) return undefined;
  const address = ipaddr.parse(bare);
  return address.kind() === 'ipv6' && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}

function inAllowedCidrs(address: ipaddr.IPv4 | ipaddr.IPv6, cidrs: readonly string[]): boolean {
  return cidrs.some((cidr) => {
    try {
      const [network, bits] = ipaddr.parseCIDR(cidr);
      return network.kind() === address.kind() && address.match([network, bits] as [typeof address, number]);
    } catch {
      return false;
    }
  });
}

/**
 * Why the server must not connect to this host (a name or an address literal), or undefined.
 * Names other than the metadata ones and `localhost` pass here; their addresses are checked
 * when they are resolved (guardedLookup), so DNS cannot smuggle a forbidden address in.
 */
export function addressRefusal(host: string, policy: AddressPolicy): string | undefined {
  const name = host.toLowerCase().replace(/\.$/, '');
  if (METADATA_NAMES.has(name)) return 'is a cloud metadata service, which Palisade never connects to';
  const address = name === 'localhost' || name.endsWith('.localhost') ? ipaddr.parse('127.0.0.1') : parsed(name);
  if (!address) return undefined;
  const text = address.toString();
  if (METADATA_ADDRESSES.has(text)) return 'is a cloud metadata address, which Palisade never connects to';
  const range = address.range();
  if (NEVER_RANGES.has(range)) return `is a ${range === 'linkLocal' ? 'link-local' : range} address, which Palisade never connects to`;
  if (PRIVATE_RANGES.has(range)) {
    if (policy.allowPrivate === true) return undefined;
    if (Array.isArray(policy.allowPrivate) && inAllowedCidrs(address, policy.allowPrivate)) return undefined;
    return `is a private or loopback address; allow it with ${PRIVATE_TARGETS_HINT}`;
  }
  return undefined;
}

/** An error a connection attempt fails with when the address is refused (never retried). */
export class AddressRefused extends Error {
  readonly code = 'EADDRREFUSED';
  constructor(readonly reason: string) {
    super(`address refused: ${reason}`);
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net/tls.connect that resolves as usual, then refuses the connection when any
 * resolved address is forbidden: the check happens on the address actually dialled.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      const list = addresses as LookupAddress[];
      for (const { address } of list) {
        const refusal = addressRefusal(address, policy);
        if (refusal) return callback(new AddressRefused(`${address} ${refusal}`), []);
      }
      if (options.all) return callback(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error('no address'), { code: 'ENOTFOUND' }), []);
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves a host name and checks every address (for clients that do their own DNS, such as SMTP). */
export async function resolveAllowed(host: string, policy: AddressPolicy): Promise<string> {
  const refusal = addressRefusal(host, policy);
  if (refusal) throw new AddressRefused(`${host} ${refusal}`);
  if (parsed(host)) return host;
  const addresses = await dns.promises.lookup(host, { all: true });
  for (const { address } of addresses) {
    const why = addressRefusal(address, policy);
    if (why) throw new AddressRefused(`${host} resolves to ${address}, which ${why.replace(/^is /, 'is ')}`);
  }
  const first = addresses[0];
  if (!first) throw Object.assign(new Error('no address'), { code: 'ENOTFOUND' });
  return first.address;
}

import ipaddr from 'ipaddr.js';
import type { Issues } from './issues';
import { readString } from './field-readers';
import { isAbsent } from './unknown-values';

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

export interface Cidr {
  readonly address: IpAddress;
  readonly prefix: number;
  /** `address/prefix` in canonical spelling, host bits kept (Kubernetes keeps them too). */
  readonly canonical: string;
}

const DOTTED_DECIMAL = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/**
 * ipaddr.js alone also accepts inet_aton spellings ("10.1", "0x0a.0.0.1", octal "010.0.0.1").
 * Kubernetes reads IPv4 as four decimal parts (leading zeros allowed and decimal), so check that
 * shape first and hand ipaddr.js only an unambiguous spelling.
 */
function strictIpv4(text: string): string | undefined {
  const match = DOTTED_DECIMAL.exec(text);
  if (match === null) return undefined;
  const octets = match.slice(1).map(Number);
  if (octets.some((octet) => octet > 255)) return undefined;
  return octets.join('.');
}

function normalizeAddress(text: string): string | undefined {
  if (text.includes(':')) {
    // Zones ("fe80::1%eth0") are not addresses a policy can name.
    return !text.includes('%') && ipaddr.IPv6.isValid(text) ? text : undefined;
  }
  return strictIpv4(text);
}

export function parseIpAddress(text: string): IpAddress | undefined {
  const normalized = normalizeAddress(text);
  return normalized === undefined ? undefined : ipaddr.parse(normalized);
}

export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || slash !== text.lastIndexOf('/')) return undefined;
  const address = normalizeAddress(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (address === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  try {
    const [parsed, prefix] = ipaddr.parseCIDR(`${address}/${Number(prefixText)}`);
    const spelled =
      parsed.kind() === 'ipv6' ? (parsed as ipaddr.IPv6).toRFC5952String() : parsed.toString();
    return { address: parsed, prefix, canonical: `${spelled}/${prefix}` };
  } catch {
    return undefined;
  }
}

/** True when `inner` is a proper part of `outer`, as NetworkPolicy requires of `except`. */
export function isStrictSubnet(inner: Cidr, outer: Cidr): boolean {
  return (
    inner.address.kind() === outer.address.kind() &&
    inner.prefix > outer.prefix &&
    inner.address.match(outer.address, outer.prefix)
  );
}

/** A required CIDR, e.g. ipBlock.cidr or an admin policy network. */
export function readCidrField(issues: Issues, value: unknown, path: string): Cidr | undefined {
  if (isAbsent(value) || value === '') {
    issues.report(path, 'is required');
    return undefined;
  }
  const text = readString(issues, value, path);
  if (text === undefined) return undefined;
  const cidr = parseCidr(text);
  if (cidr === undefined) {
    issues.report(
      path,
      `invalid CIDR ${JSON.stringify(text)}: must be like 10.9.8.0/24 or 2001:db8::/64`,
    );
  }
  return cidr;
}

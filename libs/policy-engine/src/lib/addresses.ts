import ipaddr from 'ipaddr.js';

/**
 * Addresses live in one bigint key space so IPv4 and IPv6 ranges never overlap:
 * IPv6 occupies [0, 2^128) and IPv4 [2^128, 2^128 + 2^32). `::/0` therefore never matches an
 * IPv4 address and `0.0.0.0/0` never matches an IPv6 one, as in the Kubernetes datapath.
 */
const V4_BASE = 1n << 128n;

/** Half-open range [lo, hi) of address keys. */
export interface AddressRange {
  readonly lo: bigint;
  readonly hi: bigint;
}

function bytesToBigint(bytes: readonly number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

/** The key of an address, or undefined when it is not a valid IPv4/IPv6 literal. */
export function addressKey(text: string): bigint | undefined {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) {
    return V4_BASE + bytesToBigint(ipaddr.IPv4.parse(text).toByteArray());
  }
  if (ipaddr.IPv6.isValid(text)) {
    return bytesToBigint(ipaddr.IPv6.parse(text).toByteArray());
  }
  return undefined;
}

/**
 * The range of a CIDR. Host bits are masked (`10.0.1.5/24` is `10.0.1.0/24`), as the API
 * server's sloppy parser and every CNI plugin treat them.
 */
export function cidrRange(cidr: string): AddressRange | undefined {
  const slash = cidr.indexOf('/');
  if (slash < 0) return undefined;
  const base = addressKey(cidr.slice(0, slash));
  const prefixText = cidr.slice(slash + 1);
  if (base === undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  const isV4 = base >= V4_BASE;
  const bits = isV4 ? 32 : 128;
  if (prefix > bits) return undefined;
  const offset = isV4 ? V4_BASE : 0n;
  const size = 1n << BigInt(bits - prefix);
  const lo = offset + (((base - offset) / size) * size);
  return { lo, hi: lo + size };
}

export function rangeContains(range: AddressRange, key: bigint): boolean {
  return key >= range.lo && key < range.hi;
}

/**
 * Address space that is not "the internet": private, loopback, link-local, shared, multicast,
 * documentation and reserved ranges (IANA special-purpose registries, RFC 6890).
 */
export const NON_INTERNET_CIDRS: readonly string[] = [
  '0.0.0.0/8', // "this network", RFC 791
  '10.0.0.0/8', // private, RFC 1918
  '100.64.0.0/10', // shared address space (CGNAT), RFC 6598
  '127.0.0.0/8', // loopback, RFC 1122
  '169.254.0.0/16', // link-local, RFC 3927 (includes cloud metadata 169.254.169.254)
  '172.16.0.0/12', // private, RFC 1918
  '192.0.0.0/24', // IETF protocol assignments, RFC 6890
  '192.0.2.0/24', // TEST-NET-1, RFC 5737
  '192.168.0.0/16', // private, RFC 1918
  '198.18.0.0/15', // benchmarking, RFC 2544
  '198.51.100.0/24', // TEST-NET-2, RFC 5737
  '203.0.113.0/24', // TEST-NET-3, RFC 5737
  '224.0.0.0/4', // multicast, RFC 5771
  '240.0.0.0/4', // reserved and limited broadcast, RFC 1112 / RFC 919
  '::/128', // unspecified, RFC 4291
  '::1/128', // loopback, RFC 4291
  '::ffff:0:0/96', // IPv4-mapped, RFC 4291
  '64:ff9b:1::/48', // local-use NAT64, RFC 8215
  '100::/64', // discard-only, RFC 6666
  '2001:db8::/32', // documentation, RFC 3849
  'fc00::/7', // unique local, RFC 4193
  'fe80::/10', // link-local, RFC 4291
  'ff00::/8', // multicast, RFC 4291
];

const NON_INTERNET_RANGES: readonly AddressRange[] = NON_INTERNET_CIDRS.map(
  (cidr) => cidrRange(cidr) as AddressRange,
);

/** The whole IPv4 and IPv6 key spaces. */
export const ALL_ADDRESSES: readonly AddressRange[] = [
  { lo: 0n, hi: V4_BASE },
  { lo: V4_BASE, hi: V4_BASE + (1n << 32n) },
];

/** Whether an address is on the internet: outside special ranges and the cluster's CIDRs. */
export function isInternetAddress(key: bigint, clusterRanges: readonly AddressRange[]): boolean {
  return (
    !NON_INTERNET_RANGES.some((r) => rangeContains(r, key)) &&
    !clusterRanges.some((r) => rangeContains(r, key))
  );
}

/** The boundaries that split the key space into "internet" and "not internet" pieces. */
export function internetBoundaries(clusterRanges: readonly AddressRange[]): bigint[] {
  return [...NON_INTERNET_RANGES, ...clusterRanges, ...ALL_ADDRESSES].flatMap((r) => [r.lo, r.hi]);
}

import { isStrictSubnet, parseCidr, parseIpAddress } from './ip-addresses';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/8', '10.0.0.0/8'],
    ['10.0.0.7/24', '10.0.0.7/24'],
    ['010.000.000.000/8', '10.0.0.0/8'],
    ['0.0.0.0/0', '0.0.0.0/0'],
    ['2001:DB8:0:0::/32', '2001:db8::/32'],
    ['::/0', '::/0'],
  ])('reads %s as %s', (text, canonical) => {
    expect(parseCidr(text)?.canonical).toBe(canonical);
  });

  it.each([
    '10.0.0.0',
    '10.0.0.0/33',
    '10.1/16',
    '0x0a.0.0.0/8',
    '256.0.0.0/8',
    '10.0.0.0/8/8',
    'fe80::1%eth0/64',
    '::/129',
    '10.0.0.0/',
    '',
    'ten/8',
  ])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('parseIpAddress', () => {
  it('reads dotted decimal and IPv6, not inet_aton shorthands', () => {
    expect(parseIpAddress('10.0.0.1')?.toString()).toBe('10.0.0.1');
    expect(parseIpAddress('fd00::1')?.kind()).toBe('ipv6');
    expect(parseIpAddress('10.1')).toBeUndefined();
  });
});

describe('isStrictSubnet', () => {
  const cidr = (text: string) => {
    const parsed = parseCidr(text);
    if (parsed === undefined) throw new Error(text);
    return parsed;
  };

  it.each([
    ['10.1.0.0/16', '10.0.0.0/8', true],
    ['10.1.2.3/32', '10.0.0.0/8', true],
    ['10.0.0.0/8', '10.0.0.0/8', false],
    ['10.0.0.0/8', '10.1.0.0/16', false],
    ['11.0.0.0/16', '10.0.0.0/8', false],
    ['fd00::/16', '0.0.0.0/0', false],
    ['2001:db8:1::/48', '2001:db8::/32', true],
  ])('%s inside %s: %s', (inner, outer, expected) => {
    expect(isStrictSubnet(cidr(inner), cidr(outer))).toBe(expected);
  });
});

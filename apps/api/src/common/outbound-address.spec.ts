import { addressRefusal, AddressRefused, guardedLookup, resolveAllowed } from './outbound-address';

const none = { allowPrivate: false };
const all = { allowPrivate: true };

describe('addressRefusal', () => {
  it('never allows link-local or cloud metadata addresses, whatever the setting', () => {
    for (const host of ['169.254.169.254', '169.254.170.2', '169.254.1.1', '[fe80::1]', 'fe80::1', '[fd00:ec2::254]', '100.100.100.200', 'metadata.google.internal', 'METADATA.GOOGLE.INTERNAL.', '0.0.0.0', '::', '224.0.0.1', '::ffff:169.254.169.254']) {
      expect([host, addressRefusal(host, all)]).toEqual([host, expect.stringMatching(/never connects/)]);
    }
  });

  it('refuses private and loopback ranges unless allowed, all of them or by CIDR', () => {
    for (const host of ['10.1.2.3', '172.16.0.1', '192.168.1.1', '127.0.0.1', 'localhost', 'api.localhost', '::1', 'fc00::1', '100.64.0.1', '::ffff:10.0.0.1']) {
      expect([host, addressRefusal(host, none)]).toEqual([host, expect.stringMatching(/private or loopback/)]);
      expect([host, addressRefusal(host, all)]).toEqual([host, undefined]);
    }
    const some = { allowPrivate: ['10.0.0.0/8', 'fd00::/8'] };
    expect(addressRefusal('10.9.9.9', some)).toBeUndefined();
    expect(addressRefusal('fd12::1', some)).toBeUndefined();
    expect(addressRefusal('192.168.0.1', some)).toMatch(/private/);
    expect(addressRefusal('127.0.0.1', some)).toMatch(/private/);
  });

  it('lets public addresses and ordinary names through (names are checked when resolved)', () => {
    for (const host of ['8.8.8.8', '2001:4860:4860::8888', 'hooks.slack.com', 'example.com']) expect(addressRefusal(host, none)).toBeUndefined();
  });
});

describe('resolving with the policy', () => {
  it('refuses a name that resolves to a forbidden address when it is dialled', async () => {
    const lookup = guardedLookup(none);
    const error = await new Promise<Error | null>((resolve) => lookup('localhost', {}, (e) => resolve(e)));
    expect(error).toBeInstanceOf(AddressRefused);
    const ok = await new Promise<[Error | null, unknown]>((resolve) => guardedLookup(all)('localhost', {}, (e, address) => resolve([e, address])));
    expect(ok).toEqual([null, expect.stringMatching(/^(127\.0\.0\.1|::1)$/)]);
    await expect(resolveAllowed('localhost', none)).rejects.toBeInstanceOf(AddressRefused);
    await expect(resolveAllowed('127.0.0.1', all)).resolves.toBe('127.0.0.1');
  });
});

import { forwardedFor } from './client-address';

const incoming = (value?: string) =>
  new Headers(value === undefined ? {} : { 'x-forwarded-for': value });

describe('forwardedFor', () => {
  it('passes on the address Next set for a browser that came directly', () => {
    expect(forwardedFor(incoming('127.0.0.1'))).toBe('127.0.0.1');
    expect(forwardedFor(incoming('::ffff:127.0.0.1'))).toBe('::ffff:127.0.0.1');
    expect(forwardedFor(incoming('::1'))).toBe('::1');
  });

  it('keeps a chain from proxies in front in order, so the API can walk it from the right', () => {
    expect(forwardedFor(incoming('203.0.113.7, 10.0.0.5'))).toBe('203.0.113.7, 10.0.0.5');
  });

  it('joins repeated headers into one chain and drops blanks and stray spaces', () => {
    const headers = new Headers();
    headers.append('x-forwarded-for', ' 198.51.100.1 ,, ');
    headers.append('x-forwarded-for', '10.0.0.5');
    expect(forwardedFor(headers)).toBe('198.51.100.1, 10.0.0.5');
  });

  it('invents nothing when there is no address', () => {
    expect(forwardedFor(incoming())).toBeUndefined();
    expect(forwardedFor(incoming(' , '))).toBeUndefined();
  });
});

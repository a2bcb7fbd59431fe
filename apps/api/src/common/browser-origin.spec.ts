import { handshakeOriginAllowed } from './browser-origin';

const request = (headers: Record<string, string>) => ({ headers });
const allowed = ['https://palisade.example.com'];

describe('handshakeOriginAllowed', () => {
  it('lets through the dashboard address and the configured origins', () => {
    expect(handshakeOriginAllowed(request({ origin: 'https://palisade.example.com', host: 'api:4000' }), allowed)).toBe(true);
  });

  it('lets through a page of the host the request was made to, directly or through the proxy', () => {
    expect(handshakeOriginAllowed(request({ origin: 'http://localhost:3000', host: 'localhost:3000' }), allowed)).toBe(true);
    expect(handshakeOriginAllowed(request({ origin: 'http://localhost:3000', host: '127.0.0.1:4000', 'x-forwarded-host': 'localhost:3000' }), allowed)).toBe(true);
  });

  it('refuses a page of another site, even on the same host name with another port', () => {
    expect(handshakeOriginAllowed(request({ origin: 'https://evil.example.net', host: 'localhost:3000' }), allowed)).toBe(false);
    expect(handshakeOriginAllowed(request({ origin: 'http://localhost:8080', host: 'localhost:3000' }), allowed)).toBe(false);
    expect(handshakeOriginAllowed(request({ origin: 'null', host: 'localhost:3000' }), allowed)).toBe(false);
  });

  it('leaves clients without an Origin (scripts) to authentication', () => {
    expect(handshakeOriginAllowed(request({ host: 'localhost:3000' }), allowed)).toBe(true);
  });
});

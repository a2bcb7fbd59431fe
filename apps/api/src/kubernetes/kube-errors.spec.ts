import { classifyKubeError } from './kube-errors';

/** An error as client-node raises it: the HTTP status in `code`, the remote answer in `body` and `headers`. */
function apiException(code: number, body: string): Error {
  return Object.assign(new Error(`HTTP-Code: ${code}\nMessage: Unknown API Status Code!\nBody: ${body}\nHeaders: {"x-remote":"secret-header"}`), { code, body, headers: { 'x-remote': 'secret-header' } });
}

describe('classifyKubeError', () => {
  const remote = JSON.stringify({ kind: 'Status', message: 'secret-remote-message', reason: 'Forbidden' });

  it.each([
    [401, 'unauthorized', 'Pod list: the API server rejected the credentials (401)'],
    [403, 'forbidden', 'Pod list: forbidden (403)'],
    [404, 'not-found', 'Pod list: not found (404)'],
    [500, 'unavailable', 'Pod list: the API server answered 500'],
    [429, 'unavailable', 'Pod list: the API server answered 429'],
  ])('words a %i in Palisade\'s own words, with nothing of the remote body or headers', (code, kind, reason) => {
    const failure = classifyKubeError(apiException(code, remote), 'Pod list');
    expect(failure).toEqual({ kind, reason });
    expect(JSON.stringify(failure)).not.toMatch(/secret/);
  });

  it('names a network failure by its code only, found along the cause chain', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:6443'), { code: 'ECONNREFUSED' }) });
    expect(classifyKubeError(refused, 'API discovery')).toEqual({ kind: 'unavailable', reason: 'API discovery: unreachable: connection refused' });
    const tls = Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' });
    expect(classifyKubeError(tls, 'API discovery').reason).toBe('API discovery: unreachable: TLS certificate not trusted');
  });

  it('never repeats the text of an error it does not know (a header built from a file would be quoted there)', () => {
    const error = new TypeError('Headers.append: "Bearer root:x:0:0:root:/root:/bin/bash\n" is an invalid header value.');
    const failure = classifyKubeError(error, 'Namespace watch');
    expect(failure).toEqual({ kind: 'unavailable', reason: 'Namespace watch: unreachable: the request failed' });
  });
});

import { CONNECTION_LABELS, stateAfterConnectError } from './live-socket';

describe('stateAfterConnectError', () => {
  it('stops at signed-out when the API refuses an unauthenticated handshake', () => {
    expect(stateAfterConnectError(new Error('unauthenticated'))).toBe('signed-out');
    expect(CONNECTION_LABELS['signed-out']).toMatch(/session has ended/);
  });

  it('keeps reconnecting after any other failure', () => {
    expect(stateAfterConnectError(new Error('xhr poll error'))).toBe('reconnecting');
    expect(stateAfterConnectError(new Error('unavailable'))).toBe('reconnecting');
    expect(stateAfterConnectError({})).toBe('reconnecting');
  });
});

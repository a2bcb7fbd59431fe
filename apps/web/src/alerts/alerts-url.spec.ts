import {
  alertsHref,
  deliveriesHref,
  isCanonical,
  parseAlertsQuery,
  parseDeliveriesQuery,
  parseExceptionPrefill,
} from './alerts-url';

describe('alerts URL state', () => {
  it('reads the status, cluster and page, ignoring what it does not know', () => {
    expect(parseAlertsQuery({ status: 'firing', cluster: 'c1', offset: '120' })).toEqual({
      status: 'firing',
      cluster: 'c1',
      offset: 100,
    });
    expect(parseAlertsQuery({ status: 'burning', cluster: ' ', offset: '-3' })).toEqual({
      offset: 0,
    });
    expect(parseAlertsQuery({ status: ['resolved', 'firing'] })).toEqual({
      status: 'resolved',
      offset: 0,
    });
  });

  it('writes the shortest URL, and knows when a URL is not it', () => {
    expect(alertsHref('/alerts', { offset: 0 })).toBe('/alerts');
    expect(alertsHref('/alerts', { status: 'pending', cluster: 'c 1', offset: 50 })).toBe(
      '/alerts?status=pending&cluster=c+1&offset=50',
    );
    const params = { cluster: 'c1', status: 'firing' };
    expect(isCanonical(params, alertsHref('/alerts', parseAlertsQuery(params)))).toBe(true);
    const messy = { status: 'firing', offset: '0', cluster: '' };
    expect(isCanonical(messy, alertsHref('/alerts', parseAlertsQuery(messy)))).toBe(false);
  });
});

describe('delivery log URL state', () => {
  it('reads the channel, status, alert and page', () => {
    const query = parseDeliveriesQuery({ channel: 'default', status: 'failed', offset: '50' });
    expect(query).toEqual({ channel: 'default', status: 'failed', offset: 50 });
    expect(deliveriesHref('/alerts/deliveries', query)).toBe(
      '/alerts/deliveries?channel=default&status=failed&offset=50',
    );
    expect(parseDeliveriesQuery({ status: 'lost', alert: 'a1' })).toEqual({
      alert: 'a1',
      offset: 0,
    });
  });
});

describe('exception prefill', () => {
  it('reads ?new=namespace/Kind/name&cluster=ID', () => {
    expect(parseExceptionPrefill({ new: 'shop/Deployment/frontend', cluster: 'c1' })).toEqual({
      clusterId: 'c1',
      namespace: 'shop',
      kind: 'Deployment',
      name: 'frontend',
    });
    expect(parseExceptionPrefill({ new: 'shop' })).toEqual({ namespace: 'shop' });
    expect(parseExceptionPrefill({})).toEqual({});
  });
});

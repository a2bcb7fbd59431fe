import { can, isRole, leastRoleFor } from './roles';

describe('can', () => {
  it('lets a viewer do none of the writes', () => {
    for (const permission of [
      'alerts.acknowledge',
      'exceptions.write',
      'reports.generate',
      'rules.write',
      'channels.write',
      'users.manage',
    ] as const) {
      expect(can('viewer', permission)).toBe(false);
    }
  });

  it('lets an operator acknowledge, manage exceptions and generate reports, not rules, channels or users', () => {
    expect(can('operator', 'alerts.acknowledge')).toBe(true);
    expect(can('operator', 'exceptions.write')).toBe(true);
    expect(can('operator', 'reports.generate')).toBe(true);
    expect(can('operator', 'snapshots.take')).toBe(true);
    expect(can('operator', 'rules.write')).toBe(false);
    expect(can('operator', 'channels.write')).toBe(false);
    expect(can('operator', 'tokens.manage')).toBe(false);
    expect(can('operator', 'clusters.manage')).toBe(false);
    expect(can('operator', 'audit.read')).toBe(false);
  });

  it('lets an admin do everything', () => {
    expect(can('admin', 'users.manage')).toBe(true);
    expect(can('admin', 'clusters.manage')).toBe(true);
    expect(can('admin', 'alerts.acknowledge')).toBe(true);
  });

  it('lets nobody do anything without a role', () => {
    expect(can(undefined, 'alerts.acknowledge')).toBe(false);
  });
});

describe('isRole and leastRoleFor', () => {
  it('knows the three roles only', () => {
    expect(isRole('operator')).toBe(true);
    expect(isRole('root')).toBe(false);
    expect(isRole(undefined)).toBe(false);
    expect(leastRoleFor('channels.write')).toBe('admin');
  });
});

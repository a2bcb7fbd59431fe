import { ROLES, type Role } from '@palisade/api-contract';

/**
 * What each role may do in the dashboard, mirroring the API's rules so that a page hides the
 * forms its reader could not use. The API still decides: a hidden form is a courtesy, not the
 * protection.
 */
export type Permission =
  | 'alerts.acknowledge'
  | 'exceptions.write'
  | 'reports.generate'
  | 'snapshots.take'
  | 'rules.write'
  | 'channels.write'
  | 'users.manage'
  | 'tokens.manage'
  | 'clusters.manage'
  | 'audit.read';

const LEAST_ROLE = {
  'alerts.acknowledge': 'operator',
  'exceptions.write': 'operator',
  'reports.generate': 'operator',
  'snapshots.take': 'operator',
  'rules.write': 'admin',
  'channels.write': 'admin',
  'users.manage': 'admin',
  'tokens.manage': 'admin',
  'clusters.manage': 'admin',
  'audit.read': 'admin',
} as const satisfies Record<Permission, Role>;

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do it; nobody may when the role is unknown (not signed in). */
export function can(role: Role | undefined, permission: Permission): boolean {
  return role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(LEAST_ROLE[permission]);
}

/** The role a permission needs, for "ask for the operator role". */
export function leastRoleFor(permission: Permission): Role {
  return LEAST_ROLE[permission];
}

export const ROLE_LABELS = {
  viewer: 'Viewer',
  operator: 'Operator',
  admin: 'Admin',
} as const satisfies Record<Role, string>;

export const ROLE_DESCRIPTIONS = {
  viewer: 'reads clusters, alerts and reports',
  operator: 'also acknowledges alerts, manages exceptions, takes snapshots and generates reports',
  admin:
    'also manages alert rules, channels, users, API tokens and watched clusters, and reads the audit log',
} as const satisfies Record<Role, string>;

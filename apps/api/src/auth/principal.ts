import type { Role } from '@palisade/api-contract';

/** Who a request acts for: a signed-in user (cookie session) or an API token. */
export type Principal =
  | {
      readonly kind: 'user';
      readonly id: string;
      readonly name: string;
      readonly role: Role;
      readonly sessionId: string;
      readonly csrfToken: string;
    }
  /** `ownerId`: the user the token acts for (null: the bootstrap token and tokens made with it). */
  | { readonly kind: 'token'; readonly id: string; readonly name: string; readonly role: Role; readonly ownerId: string | null };

const RANK: Record<Role, number> = { viewer: 1, operator: 2, admin: 3 };

/** The lesser of two roles: what a token may do is capped by its owner's role. */
export function lesserRole(a: Role, b: Role): Role {
  return RANK[a] <= RANK[b] ? a : b;
}

/** Roles are ordered: an admin may do what an operator may, an operator what a viewer may. */
export function roleAllows(role: Role, needed: Role): boolean {
  return RANK[role] >= RANK[needed];
}

/** How a principal appears in the audit log and in `acknowledgedBy`. */
export function actorOf(principal: Principal): { kind: 'user' | 'token'; id: string; name: string } {
  return { kind: principal.kind, id: principal.id, name: principal.name };
}

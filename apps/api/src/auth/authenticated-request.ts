import type { Principal } from './principal';

/** What AccessGuard adds to a request it let through. */
export interface AuthenticatedRequest {
  principal?: Principal;
}

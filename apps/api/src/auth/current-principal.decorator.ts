import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { ApiError } from '../common/api-error';
import type { AuthenticatedRequest } from './authenticated-request';
import type { Principal } from './principal';

/** The principal AccessGuard let through (routes with a role; public routes see `Optional`). */
export const CurrentPrincipal = createParamDecorator((_: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<Request & AuthenticatedRequest>().principal;
  if (!principal) throw new ApiError('unauthenticated', 'sign in first');
  return principal;
});

export const OptionalPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext): Principal | undefined => context.switchToHttp().getRequest<Request & AuthenticatedRequest>().principal,
);

import 'server-only';
import { appErrorResponse } from './app-error';

/**
 * Wraps a route handler so that an AppError it throws becomes its HTTP status (lib/errors/app-error.ts),
 * the one mapping for every handler. Anything else, Next.js's own notFound() and redirect() included,
 * goes on to Next.js unchanged.
 */
export function withAppErrors<Args extends unknown[]>(handler: (...args: Args) => Promise<Response>): (...args: Args) => Promise<Response> {
  return async (...args) => {
    try {
      return await handler(...args);
    } catch (error) {
      return appErrorResponse(error);
    }
  };
}

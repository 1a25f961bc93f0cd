/**
 * The portal's typed application errors. A domain function throws (or returns) one with a code; the code
 * is mapped here, once, to an HTTP status for route handlers and to a catalogue message for pages and
 * actions (`errors.app.<code>`). What a member sees never carries a stack trace or an id.
 */
export const APP_ERROR_STATUS = {
  /** Not there, or not the caller's: the same answer, so that an id of another member stays unconfirmed. */
  not_found: 404,
  /** A security change that needs a fresh second factor (lib/auth/step-up.ts). */
  step_up_required: 403,
  /** Staff looking at an account in read-only mode tried to change or send something. */
  read_only: 403,
  rate_limited: 429,
  invalid_input: 400,
  payload_too_large: 413,
} as const;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export class AppError extends Error {
  readonly code: AppErrorCode;

  constructor(code: AppErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }

  /** The catalogue key of the message a member sees (namespace `errors`). */
  get messageKey(): `app.${AppErrorCode}` {
    return `app.${this.code}`;
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}

/** For route handlers: an AppError becomes its status with a plain body; anything else is rethrown. */
export function appErrorResponse(error: unknown): Response {
  if (!isAppError(error)) throw error;
  return new Response(error.code, {
    status: error.status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

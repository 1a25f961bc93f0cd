import 'server-only';
import { getTranslations } from 'next-intl/server';
import { isAppError } from './app-error';

/**
 * For server actions: an AppError becomes the form state `{ message }` with the member's text for its code
 * (catalogue key `errors.app.<code>`), so every action answers a code the same way. Anything else, Next.js's
 * notFound() and redirect() included, is rethrown.
 */
export async function appErrorState(error: unknown): Promise<{ message: string }> {
  if (!isAppError(error)) throw error;
  const t = await getTranslations('errors');
  return { message: t(error.messageKey) };
}

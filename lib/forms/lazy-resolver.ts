import type { FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

type Schema = z.ZodType<unknown, unknown>;
export type LazyResolver<S extends Schema> = Resolver<z.input<S> & FieldValues, unknown, z.output<S>> & {
  /** Starts loading the schema; give it to the form's `onFocus`, so that it is there by the first submit. */
  preload: () => void;
};

/**
 * A react-hook-form resolver for a zod schema that the browser loads on first use, not with the page.
 * zod and the schemas are 30–45 kB (gzip) that a form needs only once the member types into it; the
 * server action checks the same schema again (the rule in the README). Create it once, at module scope:
 *
 *   const resolver = lazyZodResolver(() => import('@/lib/auth/schema').then((m) => m.loginSchema));
 *
 * If the schema cannot be loaded (a lost connection), the form goes to the server unchecked and the
 * server's answer carries the same messages.
 */
export function lazyZodResolver<S extends Schema>(load: () => Promise<S>): LazyResolver<S> {
  type Values = z.input<S> & FieldValues;
  let loading: Promise<Resolver<Values, unknown, z.output<S>>> | undefined;
  const get = () =>
    (loading ??= Promise.all([import('@hookform/resolvers/zod'), load()]).then(
      ([{ zodResolver }, schema]) => zodResolver(schema as never) as unknown as Resolver<Values, unknown, z.output<S>>,
      (error: unknown) => {
        loading = undefined;
        throw error;
      },
    ));
  const resolver: Resolver<Values, unknown, z.output<S>> = async (values, context, options) => {
    const validate = await get().catch(() => undefined);
    if (!validate) return { values: values as z.output<S>, errors: {} };
    return validate(values, context, options);
  };
  return Object.assign(resolver, { preload: () => void get().catch(() => undefined) });
}

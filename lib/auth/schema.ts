import { z } from 'zod';
import { isValidKvnr, KVNR_PATTERN, normaliseKvnr } from './kvnr';

// Messages are catalogue keys in the "validation" namespace, translated where they are shown.
export const kvnrSchema = z
  .string()
  .transform(normaliseKvnr)
  .pipe(
    z
      .string()
      .min(1, { message: 'required', abort: true })
      .regex(KVNR_PATTERN, { message: 'kvnr.format', abort: true })
      .refine(isValidKvnr, 'kvnr.checkDigit'),
  );

export const loginSchema = z.object({
  kvnr: kvnrSchema,
  password: z.string().min(1, 'required').max(128, 'password.tooLong'),
});

export type LoginInput = z.input<typeof loginSchema>;

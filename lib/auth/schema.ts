import { z } from 'zod';
import { isValidKvnr, KVNR_PATTERN, normaliseKvnr } from './kvnr';
import { passwordLengthProblem } from '@/lib/security/password-rules';

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

/** "Passwort vergessen?": the KVNR, nothing else. */
export const forgotPasswordSchema = z.object({ kvnr: kvnrSchema });

export type ForgotPasswordInput = z.input<typeof forgotPasswordSchema>;

// The new password after a recovery; messages are keys in the "validation" namespace (password.*).
export const newPasswordSchema = z
  .object({
    newPassword: z.string().superRefine((value, ctx) => {
      const problem = passwordLengthProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem === 'too_short' ? 'password.tooShort' : 'password.tooLong' });
    }),
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'password.mismatch' });

export type NewPasswordInput = z.input<typeof newPasswordSchema>;

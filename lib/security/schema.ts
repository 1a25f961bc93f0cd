import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, passwordLengthProblem } from './password-rules';
import { PASSKEY_NAME_MAX_LENGTH } from './choices';

export { PASSKEY_NAME_MAX_LENGTH };

// Messages are catalogue keys in the "security" namespace (security.validation.*), translated where shown.

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, 'required').max(PASSWORD_MAX_LENGTH * 4, 'too_long'),
    newPassword: z.string().superRefine((value, ctx) => {
      const problem = passwordLengthProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
    confirmPassword: z.string(),
  })
  .refine((values) => values.newPassword === values.confirmPassword, { path: ['confirmPassword'], message: 'mismatch' });

export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const passkeyNameSchema = z.string().trim().min(1, 'required').max(PASSKEY_NAME_MAX_LENGTH, 'name_too_long');

export const renamePasskeySchema = z.object({ id: z.uuid('required'), name: passkeyNameSchema });

export type RenamePasskeyInput = z.input<typeof renamePasskeySchema>;

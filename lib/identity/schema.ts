import { z } from 'zod';
import { kvnrSchema } from '@/lib/auth/schema';
import { passwordLengthProblem } from '@/lib/security/password-rules';
import { identificationMethods } from './choices';

export { identificationMethods };

// Messages are catalogue keys: keys of the shared "validation" namespace, or "identity.*" keys of ours.

const name = z.string().trim().min(1, 'required').max(80, 'identity.validation.nameTooLong');

const birthDate = z
  .string()
  .min(1, { message: 'required', abort: true })
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'identity.validation.birthDate', abort: true })
  .refine((value) => {
    const date = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date.getTime() < Date.now() && date.getUTCFullYear() >= 1900;
  }, 'identity.validation.birthDate');

export const registrationSchema = z.object({
  firstName: name,
  lastName: name,
  kvnr: kvnrSchema,
  birthDate,
  email: z.string().trim().min(1, { message: 'required', abort: true }).max(254, 'identity.validation.email').pipe(z.email('identity.validation.email')),
  password: z
    .string()
    .refine((value) => passwordLengthProblem(value) !== 'too_short', { message: 'identity.validation.passwordTooShort', abort: true })
    .refine((value) => passwordLengthProblem(value) !== 'too_long', 'password.tooLong'),
  appCommunication: z.enum(['yes', 'no'], { message: 'identity.validation.appCommunication' }),
});

export type RegistrationInput = z.input<typeof registrationSchema>;

/** "Jetzt zu smart wechseln": the chosen method, the privacy consent, name and KVNR. */
export const smartSwitchSchema = z.object({
  method: z.enum(identificationMethods, { message: 'identity.validation.method' }),
  privacy: z.literal(true, { message: 'identity.validation.privacy' }),
  firstName: name,
  lastName: name,
  kvnr: kvnrSchema,
});

export type SmartSwitchInput = z.input<typeof smartSwitchSchema>;

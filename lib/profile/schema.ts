import { z } from 'zod';
import { addressCountries, nameChangeReasons } from './choices';

export { addressCountries, nameChangeReasons };

// One schema per form, shared by the form (lazyZodResolver) and the server action (safeParse). Messages are
// catalogue keys in the "profile" namespace (profile.validation.*), translated where shown.

const GERMAN_POSTAL_CODE = /^\d{5}$/;
// Abroad a postal code has letters, digits, spaces and hyphens (NL "1012 AB", GB "SW1A 1AA", PT "1000-001").
const FOREIGN_POSTAL_CODE = /^[A-Z0-9][A-Z0-9 -]{1,8}[A-Z0-9]$/;

export const addressSchema = z
  .object({
    street: z.string().trim().min(1, 'required').max(100, 'too_long'),
    houseNumber: z.string().trim().min(1, 'required').max(12, 'too_long'),
    postalCode: z.string().trim().toUpperCase().min(1, 'required'),
    city: z.string().trim().min(1, 'required').max(80, 'too_long'),
    country: z.enum(addressCountries, 'country'),
  })
  .superRefine((value, ctx) => {
    const ok = value.country === 'DE' ? GERMAN_POSTAL_CODE.test(value.postalCode) : FOREIGN_POSTAL_CODE.test(value.postalCode);
    if (value.postalCode && !ok) ctx.addIssue({ code: 'custom', path: ['postalCode'], message: value.country === 'DE' ? 'postal_code_de' : 'postal_code' });
  });

export type AddressInput = z.input<typeof addressSchema>;

export const phoneSchema = z.object({
  // Empty removes the number.
  phone: z
    .string()
    .trim()
    .max(30, 'too_long')
    .refine((v) => v === '' || /^\+?[0-9][0-9 ()/-]{4,28}[0-9]$/.test(v), 'phone'),
});

export type PhoneInput = z.input<typeof phoneSchema>;

export const emailChangeSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'required').max(200, 'too_long').pipe(z.email('email')),
});

export type EmailChangeInput = z.input<typeof emailChangeSchema>;

export const nameChangeSchema = z.object({
  firstName: z.string().trim().min(1, 'required').max(100, 'too_long'),
  lastName: z.string().trim().min(1, 'required').max(100, 'too_long'),
  reason: z.enum(nameChangeReasons, 'required'),
  requestKey: z.uuid(),
});

export type NameChangeInput = z.input<typeof nameChangeSchema>;

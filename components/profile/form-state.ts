/** What a profile or bank form's server action answers; messages are catalogue keys, translated in the form. */
export type FormState = {
  status: 'idle' | 'ok' | 'error' | 'step_up';
  /** Catalogue key of a message for the whole form. */
  message?: string;
  /** Values for the message (an email address, a date). */
  values?: Record<string, string>;
  /** Catalogue keys per field. */
  errors?: Record<string, string[] | undefined>;
};

export const idle: FormState = { status: 'idle' };

import type { RefusalReason } from '@/lib/files/upload';

/** What a Postfach form's server action answers; texts are catalogue keys, translated in the form. */
export type ComposeState = {
  message?: string;
  errors?: Record<string, string[] | undefined>;
  refused?: { fileName: string; reason: RefusalReason }[];
  tooMany?: boolean;
  needFile?: boolean;
};

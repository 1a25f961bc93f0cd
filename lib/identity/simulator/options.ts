import type { ProviderId } from '../config';

// Shared by the simulator's pages (browser) and its server side.

/** What the simulator's test panel can make the provider answer. */
export const simulatorOutcomes = {
  nect: ['success', 'face_mismatch', 'document_expired', 'liveness_failed', 'cancelled'],
  eid: ['success', 'cancelled', 'eid_disabled', 'pin_blocked'],
  gesundheitsid: ['success', 'cancelled'],
} as const satisfies Record<ProviderId, readonly string[]>;

export type SimulatorOutcome = (typeof simulatorOutcomes)[ProviderId][number];

/** Which identity the result carries: the insurer's record, or one that differs in the name or birth date. */
export const identityVariants = ['record', 'wrong_name', 'wrong_birthdate'] as const;
export type IdentityVariant = (typeof identityVariants)[number];

export type IdentityClaims = { given_name: string; family_name: string; birthdate: string; kvnr: string };

// @simplewebauthn/browser is loaded when a ceremony starts, not with the page: a page that offers a passkey
// (the login, the step-up prompt, the security page) would otherwise carry it in its first-load JavaScript
// though most visits never press the button. The chunk is small and is fetched within the click, so the
// browser's user activation still holds when the ceremony reaches navigator.credentials.
import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from '@simplewebauthn/browser';

export type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON };

/** Whether this browser offers WebAuthn at all (what @simplewebauthn/browser's browserSupportsWebAuthn checks). */
export function browserSupportsWebAuthn(): boolean {
  return typeof window !== 'undefined' && typeof window.PublicKeyCredential === 'function';
}

/** Asks an authenticator for an assertion (login, step-up, staff confirmation). */
export async function startAuthentication(options: { optionsJSON: PublicKeyCredentialRequestOptionsJSON }): Promise<AuthenticationResponseJSON> {
  const webauthn = await import('@simplewebauthn/browser');
  return webauthn.startAuthentication(options);
}

/** Asks an authenticator to create a passkey. */
export async function startRegistration(options: { optionsJSON: PublicKeyCredentialCreationOptionsJSON }): Promise<RegistrationResponseJSON> {
  const webauthn = await import('@simplewebauthn/browser');
  return webauthn.startRegistration(options);
}

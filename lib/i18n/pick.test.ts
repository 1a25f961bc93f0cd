import { describe, expect, it } from 'vitest';
import { pickMessages } from './pick';

const messages = { mailbox: { title: 'Postfach', compose: { send: 'Senden' } }, security: { passkeys: { add: 'Hinzufügen' }, password: { title: 'Passwort' } } };

describe('pickMessages', () => {
  it('keeps whole namespaces and nested parts, and nothing else', () => {
    expect(pickMessages(messages, ['mailbox', 'security.passkeys'])).toEqual({
      mailbox: messages.mailbox,
      security: { passkeys: { add: 'Hinzufügen' } },
    });
  });

  it('merges two parts of one namespace', () => {
    expect(pickMessages(messages, ['security.passkeys', 'security.password'])).toEqual({ security: messages.security });
  });

  it('fails on a path that names no messages, so a typo does not silently send nothing', () => {
    expect(() => pickMessages(messages, ['mailbox.nope'])).toThrow('mailbox.nope');
  });
});

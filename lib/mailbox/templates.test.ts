import { describe, expect, it } from 'vitest';
import { letterBlocks, letterTemplates, parseLetterBlocks, templateSpec } from './templates';

const member = { id: 'm', kvnr: 'S100000013', firstName: 'Anna', lastName: 'Schmidt', street: 'Hauptstraße', houseNumber: '1', postalCode: '20095', city: 'Hamburg' };

describe('letterBlocks', () => {
  it('gives the letter in reading order: salutation, paragraphs, closing, signature', () => {
    const blocks = letterBlocks(templateSpec(letterTemplates.mitgliedsbescheinigung, member));
    expect(blocks[0]).toEqual({ type: 'paragraph', text: 'Guten Tag Anna Schmidt,' });
    expect(blocks.at(-2)).toEqual({ type: 'paragraph', text: 'Mit freundlichen Grüßen' });
    expect(blocks.at(-1)).toEqual({ type: 'paragraph', text: 'Ihre HEK' });
    expect(blocks).toHaveLength(letterTemplates.mitgliedsbescheinigung.paragraphs(member).length + 3);
  });

  it('makes the Rechtsbehelfsbelehrung a heading of its own', () => {
    const blocks = letterBlocks(templateSpec(letterTemplates.leistungsbescheid, member));
    const i = blocks.findIndex((b) => b.type === 'heading');
    expect(blocks[i]).toEqual({ type: 'heading', text: 'Rechtsbehelfsbelehrung' });
    expect(blocks[i + 1]?.text).toMatch(/^Gegen diesen Bescheid/);
  });

  it('names the start of the uninterrupted membership when it is known, and no date otherwise', () => {
    const since = letterBlocks(templateSpec(letterTemplates.mitgliedsbescheinigung, { ...member, memberSince: new Date('2019-10-01T00:00:00Z') }));
    expect(since[1]?.text).toContain('seit dem 1. Oktober 2019 ohne Unterbrechung');
    expect(letterBlocks(templateSpec(letterTemplates.mitgliedsbescheinigung, member))[1]?.text).not.toMatch(/seit dem/);
  });

  it('reads stored blocks back and refuses anything else', () => {
    expect(parseLetterBlocks([{ type: 'paragraph', text: 'x' }])).toEqual([{ type: 'paragraph', text: 'x' }]);
    expect(parseLetterBlocks(null)).toBeNull();
    expect(parseLetterBlocks([])).toBeNull();
    expect(parseLetterBlocks([{ type: 'script', text: 'x' }])).toBeNull();
    expect(parseLetterBlocks([{ type: 'paragraph' }])).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';

describe('linkify', () => {
  it('turns http and https addresses into links and leaves the sentence around them', () => {
    expect(linkify('Siehe https://www.hek.de/service. Danke!')).toEqual([
      { type: 'text', text: 'Siehe ' },
      { type: 'link', text: 'https://www.hek.de/service', href: 'https://www.hek.de/service' },
      { type: 'text', text: '. Danke!' },
    ]);
  });

  it('never links other schemes and keeps markup as text', () => {
    const parts = linkify('javascript:alert(1) <a href="x">y</a> data:text/html,<b>');
    expect(parts).toEqual([{ type: 'text', text: 'javascript:alert(1) <a href="x">y</a> data:text/html,<b>' }]);
  });

  it('handles several links and text without any', () => {
    expect(linkify('a http://x.de b https://y.de')).toHaveLength(4);
    expect(linkify('nur Text')).toEqual([{ type: 'text', text: 'nur Text' }]);
  });
});

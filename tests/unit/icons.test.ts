import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { iconNames } from '@/components/ui/Icon';

// An icon is drawn only by its CSS rule (app/globals.css): a name without one renders an empty box.
const css = fs.readFileSync(path.join(process.cwd(), 'app', 'globals.css'), 'utf8');
const drawn = [...css.matchAll(/\.icon-([A-Za-z]+)\s*\{\s*--icon:\s*url\("data:image\/svg\+xml,/g)].map((m) => m[1]);

describe('line icons', () => {
  it('have a shape in globals.css for every name, and no shape without a name', () => {
    expect([...drawn].sort()).toEqual([...iconNames].sort());
  });
});

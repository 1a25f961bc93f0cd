import { describe, expect, it } from 'vitest';
import { listFilterSchema } from './schema';

describe("the Postfach's filters from the URL", () => {
  it('open the inbox without a folder, and with one the Postfach does not have', () => {
    expect(listFilterSchema.parse({}).tab).toBe('inbox');
    expect(listFilterSchema.parse({ tab: 'papierkorb' }).tab).toBe('inbox');
    expect(listFilterSchema.parse({ tab: '' }).tab).toBe('inbox');
  });

  it('keep a folder, category and year the Postfach knows, and drop the ones it does not', () => {
    expect(listFilterSchema.parse({ tab: 'sent', category: 'GENERAL', year: '2025' })).toMatchObject({ tab: 'sent', category: 'GENERAL', year: 2025 });
    expect(listFilterSchema.parse({ tab: 'archive', category: 'NONSENSE', year: '1850' })).toMatchObject({ tab: 'archive', category: undefined, year: undefined });
  });
});

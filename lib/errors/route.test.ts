import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { withAppErrors } from './route';

describe('withAppErrors', () => {
  it('answers an AppError with its status, a plain body and no-store', async () => {
    const handler = withAppErrors(async () => {
      throw new AppError('not_found');
    });
    const response = await handler();
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('not_found');
    expect(response.headers.get('cache-control')).toBe('no-store');
  });

  it("passes the handler's own answer and any other error through", async () => {
    expect((await withAppErrors(async () => new Response('ok'))()).status).toBe(200);
    const redirect = Object.assign(new Error('NEXT_REDIRECT'), { digest: 'NEXT_REDIRECT;replace;/login;307;' });
    await expect(
      withAppErrors(async () => {
        throw redirect;
      })(),
    ).rejects.toBe(redirect);
  });
});

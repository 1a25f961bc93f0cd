// A stand-in for Next's request context in integration tests: the cookies and headers that
// `next/headers` hands to server code, set per test (vi.mock in the test file delegates here).
export const requestContext = {
  cookies: new Map<string, string>(),
  headers: new Headers(),
  reset(): void {
    this.cookies = new Map();
    this.headers = new Headers({ 'user-agent': 'vitest', 'x-hek-method': 'GET', 'x-hek-path': '/' });
  },
};

export const nextHeadersMock = {
  cookies: async () => ({
    get: (name: string) => (requestContext.cookies.has(name) ? { name, value: requestContext.cookies.get(name)! } : undefined),
    set: (name: string, value: string) => void requestContext.cookies.set(name, value),
    delete: (name: string | { name: string }) => void requestContext.cookies.delete(typeof name === 'string' ? name : name.name),
  }),
  headers: async () => requestContext.headers,
};

/** What a thrown Next.js control-flow error means: a redirect (with its target) or a 404. */
export function controlFlow(error: unknown): string {
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest !== 'string') return `error:${error instanceof Error ? error.message : String(error)}`;
  if (digest.startsWith('NEXT_REDIRECT')) return `redirect:${digest.split(';')[2]}`;
  if (digest.startsWith('NEXT_HTTP_ERROR_FALLBACK;404')) return 'not_found';
  return digest;
}

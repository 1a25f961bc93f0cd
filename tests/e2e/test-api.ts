// Client for the portal's test-only routes (/api/test/*), which exist only when the portal was started
// with TEST_API_TOKEN (the global setup does). Use them to create fresh members and read queued mail.
import { request } from '@playwright/test';

function settings() {
  const baseURL = process.env.E2E_BASE_URL;
  const token = process.env.TEST_API_TOKEN;
  if (!baseURL || !token) throw new Error('E2E_BASE_URL and TEST_API_TOKEN are set by the e2e global setup.');
  return { baseURL, token };
}

export async function testApi<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
  const { baseURL, token } = settings();
  const context = await request.newContext({ baseURL, extraHTTPHeaders: { 'x-test-api-token': token } });
  try {
    const response = method === 'GET' ? await context.get(path) : await context.post(path, { data: data ?? {} });
    if (!response.ok()) throw new Error(`${method} ${path} answered ${response.status()}: ${await response.text()}`);
    return (await response.json()) as T;
  } finally {
    await context.dispose();
  }
}

export type TestMember = { memberId: string; kvnr: string; password: string; firstName: string; lastName: string; email: string };

/** A fresh member with a login, so a test does not depend on or change the demo members. */
export function createTestMember(options: { level?: 'BASIC' | 'SMART'; password?: string; insured?: boolean } = {}): Promise<TestMember> {
  return testApi<TestMember>('POST', '/api/test/members', options);
}

export type OutboxMail = { to: string; subject: string; text: string; kind: string; createdAt: string };

export function outboxFor(address: string): Promise<OutboxMail[]> {
  return testApi<OutboxMail[]>('GET', `/api/test/outbox?to=${encodeURIComponent(address)}`);
}

import type { ReactNode } from 'react';
import { BillingProvider, type BillingProviderProps } from '../../src/index';
import type { TestProxy } from './proxy';

/** A request the proxy received through a {@link countingFetch}. */
export interface SeenRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

/** The proxy's fetch, recording every request (method, path without the base, headers, JSON body). */
export function countingFetch(proxy: TestProxy) {
  const seen: SeenRequest[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    const url = new URL(String(input), proxy.origin);
    seen.push({
      method: init?.method ?? 'GET',
      path: url.pathname.replace('/api/proxy/billing', '') + url.search,
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return proxy.fetch(input, init);
  };
  const count = (method: string, path: string) => seen.filter((r) => r.method === method && r.path === path).length;
  return { fetch, seen, count };
}

/** A renderHook/render wrapper: a BillingProvider on the in-process proxy as `user` (or `org`). */
export async function billingWrapper(
  proxy: TestProxy,
  subject: { user: string; org?: string },
  props: Partial<Omit<BillingProviderProps, 'children'>> = {},
) {
  const token = await proxy.tokenFor(subject.user, subject.org);
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <BillingProvider baseUrl={proxy.baseUrl} getToken={() => token} fetch={proxy.fetch} locale="en-US" {...props}>
        {children}
      </BillingProvider>
    );
  };
}

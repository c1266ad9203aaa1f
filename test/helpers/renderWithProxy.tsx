/**
 * Renders components inside a `<BillingProvider>` that talks to the real in-process
 * reference proxy (test/helpers/proxy.ts) as one of its demo subjects. `failing` makes
 * chosen endpoints answer a documented 500 error until `recover()` is called, to test
 * error states and their retry.
 */
import { render } from '@testing-library/react';
import { QueryClient } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { BillingProvider } from '../../src/react/BillingProvider';
import type { BillingLabelOverrides } from '../../src/react/labels';
import type { TestProxy } from './proxy';

export interface RenderOptions {
  /** The demo subject (`user_pro`, …); `org_*` is billed as the org. */
  subject: string;
  /** Paths (e.g. `/plans`, `/usage`) answered with a 500 error body. */
  failing?: string[];
  locale?: string;
  labels?: BillingLabelOverrides;
}

export async function renderWithProxy(proxy: TestProxy, ui: ReactNode, options: RenderOptions) {
  const token = options.subject.startsWith('org_')
    ? await proxy.tokenFor(`${options.subject}_admin`, options.subject)
    : await proxy.tokenFor(options.subject);
  const failing = new Set(options.failing ?? []);
  const requests: string[] = [];
  const fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(new URL(String(input), proxy.origin), init);
    const path = new URL(request.url).pathname.replace('/api/proxy/billing', '');
    requests.push(`${request.method} ${path}`);
    if (failing.has(path)) {
      return Promise.resolve(
        Response.json({ error: { code: 'internal_error', message: 'The billing service failed.' } }, { status: 500 }),
      );
    }
    return proxy.fetch(request);
  }) as typeof globalThis.fetch;
  // Failed queries retry (a 5xx twice) at once instead of after a back-off.
  const queryClient = new QueryClient({ defaultOptions: { queries: { retryDelay: 0 } } });
  const view = render(
    <BillingProvider
      baseUrl={proxy.baseUrl}
      getToken={() => token}
      fetch={fetch}
      locale={options.locale ?? 'en-US'}
      queryClient={queryClient}
      {...(options.labels && { labels: options.labels })}
    >
      {ui}
    </BillingProvider>,
  );
  return { ...view, requests, queryClient, recover: () => failing.clear() };
}

/** The root element of a Billkit component in the document. */
export function componentRoot(container: HTMLElement, name: string): HTMLElement {
  const element = container.querySelector<HTMLElement>(`[data-billkit-component="${name}"]`);
  if (!element) throw new Error(`No [data-billkit-component="${name}"] rendered`);
  return element;
}

import { useEffect, useState, type ReactNode } from 'react';
import { QueryClient } from '@tanstack/react-query';
import { BillingProvider } from '../src/react/BillingProvider';
import { prepareStory, tokenFor, type BillkitStoryParameters } from './browserProxy';

const READY = 'billkitReady';

/**
 * Marks the page ready for browser tests (`<html data-billkit-ready="true">`) once the
 * story's requests have settled, or at once for stories that never finish loading.
 */
function useReadyMarker(queryClient: QueryClient, waitForData: boolean): void {
  useEffect(() => {
    let done = false;
    const mark = () => {
      if (done) return;
      done = true;
      document.documentElement.dataset[READY] = 'true';
    };
    if (!waitForData) {
      mark();
      return;
    }
    const check = () => {
      if (queryClient.isFetching() === 0 && queryClient.isMutating() === 0) mark();
    };
    // Queries subscribe while the story mounts; look after they had their turn.
    const timer = setTimeout(check, 50);
    const unsubscribe = queryClient.getQueryCache().subscribe(() => setTimeout(check, 0));
    return () => {
      done = true;
      clearTimeout(timer);
      unsubscribe();
    };
  }, [queryClient, waitForData]);
}

function Story({
  parameters,
  queryClient,
  children,
}: {
  parameters: BillkitStoryParameters;
  queryClient: QueryClient;
  children: ReactNode;
}): ReactNode {
  useReadyMarker(queryClient, !parameters.readyWithoutData);
  const subject = parameters.subject ?? 'user_free';
  return (
    <BillingProvider baseUrl="/api/proxy/billing" getToken={() => tokenFor(subject)} locale={parameters.locale ?? 'en-US'} queryClient={queryClient}>
      {children}
    </BillingProvider>
  );
}

/**
 * Wraps a story in a `<BillingProvider>` talking to the in-browser reference proxy, as
 * the story's demo subject, with a fresh QueryClient; shows a small note while the proxy
 * starts.
 */
export function BillkitStory({ parameters, children }: { parameters: BillkitStoryParameters; children: ReactNode }): ReactNode {
  const [state, setState] = useState<'starting' | 'ready' | Error>('starting');
  const [queryClient] = useState(() => new QueryClient());
  useEffect(() => {
    let live = true;
    delete document.documentElement.dataset[READY];
    prepareStory(parameters).then(
      () => live && setState('ready'),
      (error: unknown) => live && setState(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
      queryClient.clear();
    };
    // The decorator remounts this per story, so the parameters are read once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  if (state === 'starting') {
    return (
      <p role="status" style={{ font: '13px/1.5 system-ui, sans-serif', color: 'var(--billkit-muted-foreground)' }}>
        Starting billing proxy…
      </p>
    );
  }
  if (state instanceof Error) {
    return (
      <p role="alert" style={{ font: '13px/1.5 system-ui, sans-serif', color: 'var(--billkit-danger)' }}>
        The in-browser billing proxy failed to start: {state.message}
      </p>
    );
  }
  return (
    <Story parameters={parameters} queryClient={queryClient}>
      {children}
    </Story>
  );
}

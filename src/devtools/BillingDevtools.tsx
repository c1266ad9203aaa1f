'use client';
import { useQuery } from '@tanstack/react-query';
import * as Tabs from '@radix-ui/react-tabs';
import { useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { BillingError } from '../client/BillingError';
import type { BillingClient } from '../client/createBillingClient';
import { Button } from '../components/ui/Button';
import { cx } from '../components/ui/cx';
import { Notice } from '../components/ui/Notice';
import { billingKeys } from '../react/billingKeys';
import { useBillingContext } from '../react/useBillingContext';
import { CacheSection } from './CacheSection';
import { ClockSection } from './ClockSection';
import { createDevClient, devUrlFor } from './createDevClient';
import { DevtoolsContext, devtoolsKeys, type DevActionResult, type DevtoolsContextValue } from './DevtoolsContext';
import { EventsSection } from './EventsSection';
import { FiredEvents } from './FiredEvents';
import { PaymentsSection } from './PaymentsSection';
import { DEMO_SUBJECTS, SubjectSection } from './SubjectSection';
import { UsageSection } from './UsageSection';

/** Props of {@link BillingDevtools}. */
export interface BillingDevtoolsProps {
  /** The corner of the toggle button and the panel. Default `bottom-right`. */
  position?: 'bottom-right' | 'bottom-left' | 'top-right' | 'top-left';
  /** Open the panel on mount. */
  initialOpen?: boolean;
  /** Where the proxy's dev endpoints live; default `/api/dev` on the origin of the provider's `baseUrl`. */
  devUrl?: string;
  /** The subjects offered in the Subject section; default the reference proxy's demo subjects. */
  subjects?: readonly string[];
  className?: string;
}

const CORNERS: Record<NonNullable<BillingDevtoolsProps['position']>, string> = {
  'bottom-right': 'bk:bottom-4 bk:right-4 bk:items-end',
  'bottom-left': 'bk:bottom-4 bk:left-4 bk:items-start',
  'top-right': 'bk:top-4 bk:right-4 bk:items-end bk:flex-col-reverse',
  'top-left': 'bk:top-4 bk:left-4 bk:items-start bk:flex-col-reverse',
};

const TABS = ['Clock', 'Subject', 'Payments', 'Usage', 'Events', 'Cache'] as const;
const tabClasses =
  'bk:rounded-billkit-sm bk:px-2.5 bk:py-1 bk:text-xs bk:font-medium bk:text-billkit-muted-foreground ' +
  'bk:data-[state=active]:bg-billkit-card bk:data-[state=active]:text-billkit-foreground bk:data-[state=active]:shadow-xs ' +
  'bk:focus-visible:outline-2 bk:focus-visible:outline-billkit-ring';

/**
 * See and steer billing while you build, like React Query Devtools: a toggle button in a
 * corner opens a panel (Clock, Subject, Payments, Usage, Events, Cache) that drives a
 * dev-mode reference proxy: it moves the proxy's clock, bills the page as any demo subject,
 * makes charges fail or succeed, pays or voids open invoices, records usage, and shows the webhook events and
 * the Billkit queries in the cache. After each action every Billkit query is invalidated,
 * so the page's components show the new state at once.
 *
 * Render it inside `<BillingProvider>`, in development only (it lives in `billkit/devtools`,
 * so `billkit` itself pays nothing for it):
 *
 * @example
 * const BillingDevtools = process.env.NODE_ENV === 'development'
 *   ? lazy(() => import('billkit/devtools').then((m) => ({ default: m.BillingDevtools })))
 *   : () => null;
 */
export function BillingDevtools({ position = 'bottom-right', initialOpen = false, devUrl, subjects = DEMO_SUBJECTS, className }: BillingDevtoolsProps): ReactNode {
  const { client, queryClient, scope } = useBillingContext();
  const [open, setOpen] = useState(initialOpen);
  const [subject, setSubjectState] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [last, setLast] = useState<DevtoolsContextValue['last']>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const dev = useMemo(() => createDevClient(client, devUrl ?? devUrlFor(client.baseUrl), client.baseUrl), [client, devUrl]);
  // The page client's own token source while the devtools bill another subject (null: not switched).
  const appToken = useRef<BillingClient['getToken'] | null>(null);
  // The dev clock answers only in dev mode: a 404 says the proxy is not in dev mode.
  const clock = useQuery({ queryKey: devtoolsKeys.clock(scope), queryFn: () => dev.getClock(), retry: false, enabled: open }, queryClient);
  const devMode = clock.isSuccess ? true : clock.isError ? false : null;

  const setSubject = useCallback(
    async (next: string | null, token: string | null) => {
      // Every request of the page's client reads `client.getToken` when it is made, so
      // swapping it bills every later request as `next`, until it is put back.
      appToken.current ??= client.getToken;
      client.getToken = token ? () => token : appToken.current;
      if (!token) appToken.current = null;
      setSubjectState(next);
      // The cached data is the previous subject's: drop it, so nothing shows it under the new one.
      await queryClient.resetQueries({ queryKey: billingKeys.all });
    },
    [client, queryClient],
  );

  // Unmounted (or the provider made a new client): the app's session again.
  useEffect(
    () => () => {
      if (appToken.current) client.getToken = appToken.current;
      appToken.current = null;
      setSubjectState(null);
    },
    [client],
  );

  const run = useCallback(
    async (action: () => Promise<DevActionResult>) => {
      setPending(true);
      try {
        const result = await action();
        setLast({ ok: true, result });
      } catch (error) {
        setLast({ ok: false, message: (error as BillingError).message ?? String(error) });
      } finally {
        setPending(false);
        await Promise.all([
          queryClient.invalidateQueries({ queryKey: billingKeys.all }),
          queryClient.invalidateQueries({ queryKey: devtoolsKeys.all }),
        ]);
      }
    },
    [queryClient],
  );

  const value = useMemo<DevtoolsContextValue>(() => ({ dev, devMode, subject, setSubject, run, pending, last }), [dev, devMode, subject, setSubject, run, pending, last]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div
      data-billkit-component="devtools"
      data-state={open ? 'open' : 'closed'}
      className={cx('bk:fixed bk:z-[2147483000] bk:flex bk:flex-col bk:gap-2 bk:text-sm bk:text-billkit-foreground', CORNERS[position], className)}
    >
      {open && (
        <section
          id={panelId}
          aria-label="Billkit devtools"
          data-billkit-part="panel"
          className="bk:grid bk:max-h-[70vh] bk:w-[min(28rem,calc(100vw-2rem))] bk:gap-3 bk:overflow-auto bk:rounded-billkit-lg bk:border bk:border-billkit-border bk:bg-billkit-card bk:p-4 bk:shadow-lg"
        >
          <h2 className="bk:text-sm bk:font-semibold">Billkit devtools</h2>
          {devMode === false ? (
            <Notice tone="warning" role="alert">
              This billing proxy is not in dev mode (<code>/api/dev</code> answered{' '}
              {(clock.error as BillingError | null)?.status ?? 'an error'}), so the devtools do nothing. Start the reference proxy
              with its dev keys (<code>npx billkit-proxy</code>) to steer billing from here.
            </Notice>
          ) : devMode === null ? (
            <p role="status">Asking the proxy for its dev mode…</p>
          ) : (
            <DevtoolsContext.Provider value={value}>
              <Tabs.Root defaultValue="Clock" className="bk:grid bk:gap-3">
                <Tabs.List aria-label="Devtools sections" className="bk:flex bk:flex-wrap bk:gap-1 bk:rounded-billkit-md bk:bg-billkit-muted bk:p-1">
                  {TABS.map((tab) => (
                    <Tabs.Trigger key={tab} value={tab} className={tabClasses}>
                      {tab}
                    </Tabs.Trigger>
                  ))}
                </Tabs.List>
                <Tabs.Content value="Clock">
                  <ClockSection />
                </Tabs.Content>
                <Tabs.Content value="Subject">
                  <SubjectSection subjects={subjects} />
                </Tabs.Content>
                <Tabs.Content value="Payments">
                  <PaymentsSection />
                </Tabs.Content>
                <Tabs.Content value="Usage">
                  <UsageSection />
                </Tabs.Content>
                <Tabs.Content value="Events">
                  <EventsSection />
                </Tabs.Content>
                <Tabs.Content value="Cache">
                  <CacheSection />
                </Tabs.Content>
              </Tabs.Root>
              <div role="status" aria-live="polite" data-billkit-part="last-action" data-state={pending ? 'loading' : last ? (last.ok ? 'done' : 'error') : 'idle'} className="bk:grid bk:gap-1 bk:text-xs">
                {pending ? 'Working…' : last?.ok ? last.result.message : null}
                {!pending && last?.ok && last.result.events && <FiredEvents events={last.result.events} label="Events fired" />}
              </div>
              {!pending && last && !last.ok && (
                <Notice tone="danger" role="alert">
                  {last.message}
                </Notice>
              )}
            </DevtoolsContext.Provider>
          )}
        </section>
      )}
      <Button
        ref={toggle}
        size="sm"
        variant={open ? 'secondary' : 'primary'}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        data-billkit-part="toggle"
        className="bk:shadow-md"
        onClick={() => setOpen((o) => !o)}
      >
        {open ? 'Close billing devtools' : 'Billing devtools'}
      </Button>
    </div>
  );
}

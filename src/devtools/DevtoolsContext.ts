'use client';
import { createContext, useContext } from 'react';
import type { DevClient, DevFiredEvent } from './createDevClient';

/** What one devtools action came to, for the panel's live region. */
export interface DevActionResult {
  /** What was done, e.g. "Advanced the clock by 1 day". */
  message: string;
  /** Events the action fired (clock advances, pay / void). */
  events?: DevFiredEvent[];
}

/** What the devtools' sections share. */
export interface DevtoolsContextValue {
  dev: DevClient;
  /** Whether the proxy answers the dev endpoints (null while it is being asked). */
  devMode: boolean | null;
  /** The demo subject the page is billing through the devtools, or null for the app's own session. */
  subject: string | null;
  setSubject(subject: string | null, token: string | null): Promise<void>;
  /**
   * Runs an action: one at a time, its outcome (or error) shown in the panel, and every
   * Billkit query invalidated afterwards so the page shows the new state at once.
   */
  run(action: () => Promise<DevActionResult>): Promise<void>;
  /** Whether an action is running (the buttons are disabled meanwhile). */
  pending: boolean;
  last: { ok: true; result: DevActionResult } | { ok: false; message: string } | null;
}

export const DevtoolsContext = createContext<DevtoolsContextValue | null>(null);

/** The devtools' shared state; only used inside `<BillingDevtools/>`. */
export function useDevtools(): DevtoolsContextValue {
  const value = useContext(DevtoolsContext);
  if (!value) throw new Error('Billkit devtools: section rendered outside <BillingDevtools/>.');
  return value;
}

/** Query keys of the devtools' own data: outside `billingKeys.all`, so the Cache section lists only the app's. */
export const devtoolsKeys = {
  all: ['billkit-devtools'] as const,
  clock: (scope: string) => ['billkit-devtools', 'clock', scope] as const,
  card: (scope: string, subject: string | null) => ['billkit-devtools', 'card', scope, subject] as const,
  events: (scope: string, subject: string | null) => ['billkit-devtools', 'events', scope, subject] as const,
  payments: (scope: string, subject: string | null) => ['billkit-devtools', 'payments', scope, subject] as const,
};

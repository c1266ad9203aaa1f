'use client';
import type { Query } from '@tanstack/react-query';
import { useEffect, useReducer, type ReactNode } from 'react';
import { Button } from '../components/ui/Button';
import { billingKeys } from '../react/billingKeys';
import { useBillingContext } from '../react/useBillingContext';

/** How long ago, in words a developer reads at a glance. */
function age(updatedAt: number, now: number): string {
  if (!updatedAt) return 'never';
  const seconds = Math.max(0, Math.round((now - updatedAt) / 1000));
  return seconds < 60 ? `${seconds}s ago` : `${Math.floor(seconds / 60)}m ${seconds % 60}s ago`;
}

/** `billkit › subscription › {"scope":"/api/proxy/billing"}` for `['billkit', 'subscription', { scope }]`. */
function keyLabel(query: Query): string {
  return query.queryKey.map((part) => (typeof part === 'string' ? part : JSON.stringify(part))).join(' › ');
}

/** Cache: the Billkit queries in the React Query cache, their status and age, refetch / invalidate each. */
export function CacheSection(): ReactNode {
  const { queryClient } = useBillingContext();
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  useEffect(() => {
    // Re-render on every cache change, and every second so the ages move.
    const unsubscribe = queryClient.getQueryCache().subscribe(() => refresh());
    const timer = setInterval(refresh, 1000);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, [queryClient]);
  const queries = queryClient.getQueryCache().findAll({ queryKey: billingKeys.all });
  const now = Date.now();
  return (
    <div className="bk:grid bk:gap-2">
      <div>
        <Button size="sm" variant="outline" onClick={() => void queryClient.invalidateQueries({ queryKey: billingKeys.all })}>
          Invalidate all Billkit queries
        </Button>
      </div>
      {queries.length === 0 ? (
        <p className="bk:text-billkit-muted-foreground">No Billkit query in the cache.</p>
      ) : (
        <table className="bk:w-full bk:text-xs">
          <caption className="bk:sr-only">Billkit queries in the React Query cache</caption>
          <thead>
            <tr className="bk:text-left bk:text-billkit-muted-foreground">
              <th scope="col">Query</th>
              <th scope="col">Status</th>
              <th scope="col">Updated</th>
              <th scope="col">
                <span className="bk:sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {queries.map((query) => {
              const label = keyLabel(query);
              const status = query.state.fetchStatus === 'fetching' ? 'fetching' : query.isStale() ? `${query.state.status}, stale` : query.state.status;
              return (
                <tr key={query.queryHash} data-billkit-part="cached-query" data-status={query.state.status} className="bk:border-t bk:border-billkit-border">
                  <td className="bk:py-1 bk:pr-2 bk:font-mono bk:break-all">{label}</td>
                  <td className="bk:pr-2">{status}</td>
                  <td className="bk:pr-2 bk:whitespace-nowrap">{age(query.state.dataUpdatedAt, now)}</td>
                  <td className="bk:whitespace-nowrap">
                    <Button size="sm" variant="ghost" aria-label={`Refetch ${label}`} onClick={() => void queryClient.refetchQueries({ queryKey: query.queryKey, exact: true })}>
                      Refetch
                    </Button>
                    <Button size="sm" variant="ghost" aria-label={`Invalidate ${label}`} onClick={() => void queryClient.invalidateQueries({ queryKey: query.queryKey, exact: true })}>
                      Invalidate
                    </Button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}

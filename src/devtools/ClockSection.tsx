'use client';
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type ReactNode } from 'react';
import { Button } from '../components/ui/Button';
import { useBillingContext } from '../react/useBillingContext';
import { useSubscription } from '../react/useSubscription';
import { devtoolsKeys, useDevtools } from './DevtoolsContext';

const DAY = 86_400;
/** One second past an instant: a step due *at* a period or trial end runs once the clock passes it. */
const justAfter = (iso: string) => new Date(new Date(iso).getTime() + 1000).toISOString();

/** Clock: the proxy's now, and advances by a day, a week, to the period end, to the trial end or to a date. */
export function ClockSection(): ReactNode {
  const { dev, run, pending } = useDevtools();
  const { scope, queryClient } = useBillingContext();
  const clock = useQuery({ queryKey: devtoolsKeys.clock(scope), queryFn: () => dev.getClock(), retry: false }, queryClient);
  const { data: subscription } = useSubscription();
  const [date, setDate] = useState('');
  const dateId = useId();

  const advance = (body: { seconds: number } | { to: string }, what: string) =>
    run(async () => {
      const result = await dev.advance(body);
      return { message: `${what}: it is now ${new Date(result.now).toUTCString()}.`, events: result.events };
    });
  const periodEnd = subscription && subscription.status !== 'canceled' ? subscription.current_period_end : null;
  const trialEnd = subscription?.status === 'trialing' ? subscription.trial_end : null;

  return (
    <div className="bk:grid bk:gap-3">
      <p>
        Proxy time:{' '}
        <time data-billkit-part="clock-now" dateTime={clock.data?.now} className="bk:font-mono bk:font-semibold">
          {clock.data ? new Date(clock.data.now).toUTCString() : '…'}
        </time>
      </p>
      <div className="bk:flex bk:flex-wrap bk:gap-2">
        <Button size="sm" variant="outline" disabled={pending} onClick={() => advance({ seconds: DAY }, 'Advanced 1 day')}>
          +1 day
        </Button>
        <Button size="sm" variant="outline" disabled={pending} onClick={() => advance({ seconds: 7 * DAY }, 'Advanced 1 week')}>
          +1 week
        </Button>
        <Button size="sm" variant="outline" disabled={pending || !periodEnd} onClick={() => periodEnd && advance({ to: justAfter(periodEnd) }, 'Advanced past the period end')}>
          To period end
        </Button>
        <Button size="sm" variant="outline" disabled={pending || !trialEnd} onClick={() => trialEnd && advance({ to: justAfter(trialEnd) }, 'Advanced past the trial end')}>
          To trial end
        </Button>
      </div>
      <form
        className="bk:flex bk:flex-wrap bk:items-end bk:gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          if (date) void advance({ to: new Date(`${date}T00:00:00Z`).toISOString() }, `Advanced to ${date}`);
        }}
      >
        <label htmlFor={dateId} className="bk:grid bk:gap-1 bk:text-xs bk:font-medium">
          Advance to a date (UTC)
        </label>
        <input
          id={dateId}
          type="date"
          value={date}
          onChange={(event) => setDate(event.target.value)}
          className="bk:h-8 bk:rounded-billkit-sm bk:border bk:border-billkit-input bk:bg-billkit-card bk:px-2 bk:text-sm bk:text-billkit-foreground"
        />
        <Button size="sm" type="submit" disabled={pending || !date}>
          Go
        </Button>
      </form>
    </div>
  );
}

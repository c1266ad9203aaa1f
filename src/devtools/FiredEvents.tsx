'use client';
import type { ReactNode } from 'react';
import type { DevFiredEvent } from './createDevClient';

/** The events an action fired, as a compact list (`subscription.updated · user_trial · sub_…`). */
export function FiredEvents({ events, label }: { events: DevFiredEvent[]; label: string }): ReactNode {
  if (events.length === 0) return <p className="bk:text-billkit-muted-foreground">No events fired.</p>;
  return (
    <ol aria-label={label} data-billkit-part="fired-events" className="bk:grid bk:gap-1 bk:font-mono bk:text-xs">
      {events.map((event, i) => (
        <li key={`${event.id}-${i}`} data-event-type={event.type}>
          <span className="bk:font-semibold">{event.type}</span> · {event.subject} · {event.id}
        </li>
      ))}
    </ol>
  );
}

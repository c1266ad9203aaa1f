'use client';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Badge, type BadgeTone } from '../components/ui/Badge';
import { useBillingContext } from '../react/useBillingContext';
import type { DevWebhookEvent } from './createDevClient';
import { devtoolsKeys, useDevtools } from './DevtoolsContext';

const DELIVERY: Record<DevWebhookEvent['delivery']['status'], { tone: BadgeTone; label: string }> = {
  delivered: { tone: 'success', label: 'Delivered' },
  pending: { tone: 'neutral', label: 'Pending' },
  retrying: { tone: 'warning', label: 'Retrying' },
  not_sent: { tone: 'neutral', label: 'Not sent' },
};

/** Events: the subject's webhook events, newest first, with their payloads and delivery status. */
export function EventsSection(): ReactNode {
  const { dev, subject } = useDevtools();
  const { scope, queryClient } = useBillingContext();
  const events = useQuery({ queryKey: devtoolsKeys.events(scope, subject), queryFn: () => dev.listEvents(), retry: false }, queryClient);
  if (events.isPending) return <p role="status">Loading events…</p>;
  if (events.isError) return <p role="alert">Could not load the events: {events.error.message}</p>;
  const { webhooks, events: list } = events.data;
  return (
    <div className="bk:grid bk:gap-2">
      {!webhooks && (
        <p className="bk:text-xs bk:text-billkit-muted-foreground">
          No <code>--webhook-url</code>: events are recorded for the devtools but not sent anywhere.
        </p>
      )}
      {list.length === 0 ? (
        <p className="bk:text-billkit-muted-foreground">No webhook events for this subject yet.</p>
      ) : (
        <ol aria-label="Webhook events, newest first" className="bk:grid bk:gap-1.5">
          {list.map((event) => {
            const delivery = DELIVERY[event.delivery.status];
            return (
              <li key={event.id} data-billkit-part="webhook-event" data-event-type={event.type} data-delivery={event.delivery.status}>
                <details className="bk:rounded-billkit-sm bk:border bk:border-billkit-border bk:px-2 bk:py-1">
                  <summary className="bk:flex bk:cursor-pointer bk:flex-wrap bk:items-center bk:gap-2">
                    <span className="bk:font-mono bk:text-xs bk:font-semibold">{event.type}</span>
                    <time dateTime={event.created_at} className="bk:text-xs bk:text-billkit-muted-foreground">
                      {new Date(event.created_at).toUTCString()}
                    </time>
                    <Badge tone={delivery.tone}>
                      {delivery.label}
                      {event.delivery.attempts > 0 ? ` · ${event.delivery.attempts} attempt${event.delivery.attempts === 1 ? '' : 's'}` : ''}
                    </Badge>
                  </summary>
                  {event.delivery.last_error && <p className="bk:text-xs bk:text-billkit-danger">Last error: {event.delivery.last_error}</p>}
                  <pre className="bk:max-h-48 bk:overflow-auto bk:font-mono bk:text-[0.6875rem]" tabIndex={0} aria-label={`Payload of ${event.id}`}>
                    {JSON.stringify(event.payload, null, 2)}
                  </pre>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}

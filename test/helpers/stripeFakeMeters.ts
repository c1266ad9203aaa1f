/**
 * The Stripe fake's Billing Meters (registered from stripeFakeApi.ts):
 * `POST /v1/billing/meter_events` records each event once per `identifier` (Stripe keeps
 * identifiers unique for at least 24 hours: a repeat is not counted again) and answers the
 * `billing.meter_event` object. `failNext(n, after)` makes `n` meter event requests, after
 * the next `after`, answer Stripe's 500 `api_error` without recording them, as an outage would.
 */
export interface FakeMeterEvent {
  event_name: string;
  identifier: string;
  stripe_customer_id: string;
  value: number;
  timestamp: number;
}

export interface FakeMeters {
  /** The meter events Stripe counted, in the order they arrived. */
  events: FakeMeterEvent[];
  failNext(requests: number, after?: number): void;
}

type Answer = { status: number; body: unknown };

export function createMetersPart({ nowUnix }: { nowUnix: () => number }) {
  const meters: FakeMeters & { failing: number; passing: number } = {
    events: [],
    failing: 0,
    passing: 0,
    failNext(requests, after = 0) {
      meters.failing = requests;
      meters.passing = after;
    },
  };
  const handle = (method: string, path: string, body: Record<string, unknown>): Answer | null => {
    if (method !== 'POST' || path !== '/v1/billing/meter_events') return null;
    if (meters.failing > 0 && meters.passing > 0) meters.passing--;
    else if (meters.failing > 0) {
      meters.failing--;
      return { status: 500, body: { error: { type: 'api_error', message: 'An unknown error occurred.' } } };
    }
    const payload = (body.payload ?? {}) as Record<string, string>;
    if (!body.event_name || !payload.stripe_customer_id || payload.value === undefined) {
      return { status: 400, body: { error: { type: 'invalid_request_error', code: 'parameter_missing', message: 'Missing event_name or payload.' } } };
    }
    const event: FakeMeterEvent = {
      event_name: String(body.event_name),
      identifier: String(body.identifier ?? `fake_${meters.events.length}`),
      stripe_customer_id: payload.stripe_customer_id,
      value: Number(payload.value),
      timestamp: Number(body.timestamp ?? nowUnix()),
    };
    if (!meters.events.some((e) => e.identifier === event.identifier)) meters.events.push(event);
    return {
      status: 200,
      body: { object: 'billing.meter_event', created: nowUnix(), livemode: false, event_name: event.event_name, identifier: event.identifier, timestamp: event.timestamp, payload },
    };
  };
  return { meters: meters as FakeMeters, handle };
}

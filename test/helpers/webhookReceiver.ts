/**
 * A local webhook receiver on 127.0.0.1 for the proxy's outgoing webhooks: it answers
 * `statuses` in turn (then 200), or what `answer` says for each event, and keeps every
 * event it accepted. Given the `secret`, it keeps in `events` only those whose
 * `Billkit-Signature` verifies.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '../../src/server/webhooks/webhookSignature';

/** An event as the proxy sends it. */
export interface WebhookEvent {
  id: string;
  type: string;
  created: number;
  sequence: number;
  /** The billed subject the event is about (the proxy's typed shape is `WebhookEvent` of `billkit/server`). */
  subject: { kind: 'user' | 'org'; id: string };
  data: { object: any };
}

/** One accepted delivery: the raw body, its signature header and the parsed event. */
export interface ReceivedWebhook {
  body: string;
  signature: string | undefined;
  event: WebhookEvent;
}

export interface WebhookReceiver {
  /** The URL to give the proxy (`…/hooks`). */
  url: string;
  /** Every accepted delivery, in arrival order. */
  received: ReceivedWebhook[];
  /** The accepted events (with `secret`: only those whose signature verifies). */
  events: WebhookEvent[];
  /** Deliveries attempted, accepted or not. */
  attempts(): number;
  /** Resolves once at least `n` deliveries were accepted. */
  until(n: number): Promise<void>;
  close(): Promise<void>;
}

export async function startWebhookReceiver(
  options: { statuses?: number[]; answer?: (event: WebhookEvent) => number; secret?: string } = {},
): Promise<WebhookReceiver> {
  const received: ReceivedWebhook[] = [];
  const events: WebhookEvent[] = [];
  let attempts = 0;
  const waiters: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', async () => {
      const event = JSON.parse(body) as WebhookEvent;
      const status = options.answer ? options.answer(event) : (options.statuses?.[attempts] ?? 200);
      attempts++;
      if (status === 200) {
        const signature = req.headers['billkit-signature'] as string | undefined;
        received.push({ body, signature, event });
        if (!options.secret || (await verifyWebhookSignature(body, signature, options.secret))) events.push(event);
        waiters.splice(0).forEach((w) => w());
      }
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`,
    received,
    events,
    attempts: () => attempts,
    async until(n) {
      while (received.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

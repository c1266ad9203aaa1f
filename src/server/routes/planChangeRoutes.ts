import { Hono } from 'hono';
import { planChangePreviewRequestSchema, planChangeRequestSchema } from '../../contract/schemas/planChangeSchemas';
import {
  authenticatePaymentMethodSetupRequestSchema,
  confirmPaymentMethodSetupRequestSchema,
} from '../../contract/schemas/paymentMethodSchemas';
import { callerOf } from '../auth/authMiddleware';
import { changePlan, previewPlanChange } from '../billing/changePlan';
import { payInvoice } from '../billing/payInvoice';
import {
  authenticatePaymentMethodSetup,
  confirmPaymentMethodSetup,
  createPaymentMethodSetup,
  getPaymentMethod,
} from '../billing/paymentMethods';
import { randomId } from '../crypto/hmac';
import { idempotent } from './idempotent';
import type { ApiEnv, RouteContext } from './RouteContext';
import { parse, pathParam, readJson, storableHeader } from './validation';

/**
 * Self-serve plan changes, cards on file and paying open invoices: `POST /subscription/preview`, `POST /subscription/change`, `GET /payment-method`,
 * `POST /payment-method/setup`, `POST /payment-method/setup/:setup_id/confirm` and
 * `/authenticate`, `POST /invoices/:id/pay`. Paying requests honour `Idempotency-Key`.
 */
export function planChangeRoutes(ctx: RouteContext) {
  const key = (c: Parameters<typeof storableHeader>[0]) => storableHeader(c, 'Idempotency-Key');
  return new Hono<ApiEnv>()
    .post('/subscription/preview', async (c) => {
      const body = parse(planChangePreviewRequestSchema, await readJson(c));
      return c.json({ preview: await previewPlanChange(ctx, callerOf(c).subject, { priceId: body.price_id, quantity: body.quantity }) });
    })
    .post('/subscription/change', async (c) => {
      const subject = callerOf(c).subject;
      const body = parse(planChangeRequestSchema, await readJson(c));
      const result = await idempotent(ctx, `change:${subject}`, key(c), body, async (chargeKey) => ({
        subscription: await changePlan(
          ctx,
          subject,
          { priceId: body.price_id, quantity: body.quantity },
          chargeKey,
          body.proration_date ? new Date(body.proration_date) : undefined,
        ),
      }));
      return c.json(result.body as object, result.status as 200);
    })
    .get('/payment-method', async (c) => c.json({ payment_method: await getPaymentMethod(ctx, callerOf(c).subject) }))
    .post('/payment-method/setup', async (c) => {
      await readJson(c);
      return c.json(await createPaymentMethodSetup(ctx, callerOf(c).subject));
    })
    .post('/payment-method/setup/:setup_id/confirm', async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'setup_id');
      const body = parse(confirmPaymentMethodSetupRequestSchema, await readJson(c));
      const result = await idempotent(ctx, `setup:${subject}`, key(c), { id, ...body }, (attemptKey) =>
        confirmPaymentMethodSetup(ctx, subject, id, body, attemptKey ?? randomId('req')),
      );
      return c.json(result.body as object, result.status as 200);
    })
    .post('/payment-method/setup/:setup_id/authenticate', async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'setup_id');
      const body = parse(authenticatePaymentMethodSetupRequestSchema, await readJson(c));
      const result = await idempotent(ctx, `setup:${subject}`, key(c), { id, a: body.approve }, () =>
        authenticatePaymentMethodSetup(ctx, subject, id, body),
      );
      return c.json(result.body as object, result.status as 200);
    })
    .post('/invoices/:id/pay', async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'id');
      await readJson(c);
      const result = await idempotent(ctx, `pay:${subject}`, key(c), { id }, async (chargeKey) => ({
        invoice: await payInvoice(ctx, subject, id, chargeKey),
      }));
      return c.json(result.body as object, result.status as 200);
    });
}

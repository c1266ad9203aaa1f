import { Hono } from 'hono';
import { planChangePreviewRequestSchema, planChangeRequestSchema } from '../../contract/schemas/planChangeSchemas';
import {
  authenticatePaymentMethodSetupRequestSchema,
  confirmPaymentMethodSetupRequestSchema,
} from '../../contract/schemas/paymentMethodSchemas';
import type {
  PaymentMethodResponse,
  PaymentMethodSetup,
  PayInvoiceResponse,
  PlanChangePreviewResponse,
  SubscriptionResponse,
} from '../../contract/types';
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
import { idempotent, sendAnswer } from './idempotent';
import { requireUser } from './requireUser';
import type { ApiEnv, RouteContext } from './RouteContext';
import { jsonBody, pathParam, readJson, storableHeader } from './validation';

/**
 * Self-serve plan changes, cards on file and paying open invoices: `POST /subscription/preview`, `POST /subscription/change`, `GET /payment-method`,
 * `POST /payment-method/setup`, `POST /payment-method/setup/:setup_id/confirm` and
 * `/authenticate`, `POST /invoices/:id/pay`. Paying requests honour `Idempotency-Key`.
 */
export function planChangeRoutes(ctx: RouteContext) {
  const key = (c: Parameters<typeof storableHeader>[0]) => storableHeader(c, 'Idempotency-Key');
  return new Hono<ApiEnv>()
    .post('/subscription/preview', jsonBody(planChangePreviewRequestSchema), async (c) => {
      const body = c.req.valid('json');
      return c.json<PlanChangePreviewResponse, 200>(
        { preview: await previewPlanChange(ctx, callerOf(c).subject, { priceId: body.price_id, quantity: body.quantity }) },
        200,
      );
    })
    .post('/subscription/change', requireUser, jsonBody(planChangeRequestSchema), async (c) => {
      const subject = callerOf(c).subject;
      const body = c.req.valid('json');
      // Never null here (unlike GET /subscription's): `satisfies` keeps the narrower type.
      const result = await idempotent(ctx, `change:${subject}`, key(c), body, async (chargeKey) => ({
        subscription: await changePlan(
          ctx,
          subject,
          { priceId: body.price_id, quantity: body.quantity },
          chargeKey,
          body.proration_date ? new Date(body.proration_date) : undefined,
        ),
      }) satisfies SubscriptionResponse);
      return sendAnswer(c, result);
    })
    .get('/payment-method', async (c) => c.json<PaymentMethodResponse, 200>({ payment_method: await getPaymentMethod(ctx, callerOf(c).subject) }, 200))
    .post('/payment-method/setup', async (c) => {
      await readJson(c);
      return c.json<PaymentMethodSetup, 200>(await createPaymentMethodSetup(ctx, callerOf(c).subject), 200);
    })
    .post('/payment-method/setup/:setup_id/confirm', requireUser, jsonBody(confirmPaymentMethodSetupRequestSchema), async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'setup_id');
      const body = c.req.valid('json');
      const result = await idempotent(ctx, `setup:${subject}`, key(c), { id, ...body }, (attemptKey) =>
        confirmPaymentMethodSetup(ctx, subject, id, body, attemptKey ?? randomId('req')),
      );
      return sendAnswer(c, result);
    })
    .post('/payment-method/setup/:setup_id/authenticate', requireUser, jsonBody(authenticatePaymentMethodSetupRequestSchema), async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'setup_id');
      const body = c.req.valid('json');
      const result = await idempotent(ctx, `setup:${subject}`, key(c), { id, a: body.approve }, () =>
        authenticatePaymentMethodSetup(ctx, subject, id, body),
      );
      return sendAnswer(c, result);
    })
    .post('/invoices/:id/pay', async (c) => {
      const subject = callerOf(c).subject;
      const id = pathParam(c, 'id');
      await readJson(c);
      const result = await idempotent(ctx, `pay:${subject}`, key(c), { id }, async (chargeKey): Promise<PayInvoiceResponse> => ({
        invoice: await payInvoice(ctx, subject, id, chargeKey),
      }));
      return sendAnswer(c, result);
    });
}

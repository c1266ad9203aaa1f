import type { AuthVariables } from '../auth/authMiddleware';
import type { BillingContext } from '../billing/BillingContext';
import type { UsageWriter } from '../billing/createUsageWriter';

/** What route modules get: the billing context plus HTTP-level settings. */
export interface RouteContext extends BillingContext {
  /** Origins success/cancel URLs may point to; any http(s) URL when undefined. */
  allowedOrigins?: string[];
  /** Origin used in `checkout_url`; the request's own origin when undefined. */
  publicUrl?: string;
  /** Lets user tokens record usage with `POST /usage` (dev only). */
  devMode: boolean;
  /** Group-commit writer of usage events. */
  usageWriter: UsageWriter;
}

export type ApiEnv = { Variables: AuthVariables };

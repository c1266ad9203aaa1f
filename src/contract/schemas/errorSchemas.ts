import { z } from 'zod';
import { wireSchemas } from './wireSchemas';

/** The error body of every non-2xx JSON answer (src/server/errors.ts `ProxyError.toBody()`). */
export const errorBodySchema = z
  .object({
    error: z.object({
      /** Machine-readable: branch on it (`parameter_missing`, `card_declined`, `not_found`, ...). */
      code: z.string(),
      /** Human-readable, safe to show. */
      message: z.string(),
      /** The request field at fault, as a dotted path (`card.exp_month`). */
      param: z.string().optional(),
    }),
  })
  .register(wireSchemas, { id: 'ErrorBody', description: 'The body of every JSON error answer.' });

import { z } from 'zod';
import { wireSchemas } from './wireSchemas';

/** `POST /api/v1/billing/activate` body. */
export const activateRequestSchema = z
  .object({ session_id: z.string().min(1).max(512) })
  .register(wireSchemas, { id: 'ActivateRequest' });

/** `POST /api/v1/billing/activate` answer. */
export const activateResponseSchema = z.object({ success: z.literal(true) }).register(wireSchemas, { id: 'ActivateResponse' });

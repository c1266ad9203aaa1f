import { getProxy } from '@/lib/proxy';

// The proxy's endpoints (/api/proxy/billing/*, /api/v1/billing/activate, the hosted
// checkout page) served by this app through the proxy's own fetch handler.
export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

async function handle(request: Request): Promise<Response> {
  const app = await getProxy();
  return app.fetch(request);
}

export { handle as GET, handle as POST, handle as PUT, handle as PATCH, handle as DELETE, handle as OPTIONS };

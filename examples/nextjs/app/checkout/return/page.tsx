import { tokenFor } from '@/lib/proxy';
import { CheckoutReturnView } from './CheckoutReturnView';

export const dynamic = 'force-dynamic';

/** Where the hosted checkout sends the user back (`success_url` with `{CHECKOUT_SESSION_ID}`). */
export default async function CheckoutReturnPage({ searchParams }: { searchParams: Promise<{ user?: string }> }) {
  const { user = 'user_free' } = await searchParams;
  return <CheckoutReturnView token={await tokenFor(user)} />;
}

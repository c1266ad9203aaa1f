import type { Migration } from './Migration';

/**
 * The processor's own id of a subscription (Stripe `sub_…`), so cancel / resume reach
 * the processor. Earlier versions kept only the reverse map in settings
 * (`stripe_subscription:<sub_…>` → Billkit id); those rows are copied over
 * (`substr(key, 21)`: after the 20 characters of `stripe_subscription:`).
 */
export const subscriptionsProcessorRef: Migration = {
  version: 2,
  name: 'subscriptions.processor_ref',
  sql: `
alter table subscriptions add column processor_ref text;
update subscriptions s set processor_ref = substr(st.key, 21)
  from settings st where st.key like 'stripe\\_subscription:%' and st.value = s.id;
create unique index subscriptions_processor_ref on subscriptions(processor_ref) where processor_ref is not null;
`,
};

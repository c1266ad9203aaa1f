import type { ProcessorCustomers } from '../processor/ProcessorCustomers';
import type { PaymentProcessor } from '../processor/types';
import type { Store } from '../store/Store';

/**
 * The {@link ProcessorCustomers} the rules hand to `processor`: a setting per subject in
 * the store, under a key named after the processor (`stripe_customer:<subject>`), so two
 * processors never read each other's customers and no processor reaches other settings.
 */
export function processorCustomers(store: Store, processor: Pick<PaymentProcessor, 'name'>): ProcessorCustomers {
  const key = (subject: string) => `${processor.name}_customer:${subject}`;
  return {
    getCustomerId: (subject) => store.getSetting(key(subject)),
    setCustomerId: (subject, customerId) => store.setSetting(key(subject), customerId),
  };
}

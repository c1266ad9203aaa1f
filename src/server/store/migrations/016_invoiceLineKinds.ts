import type { Migration } from './Migration';

/**
 * Invoice lines say what they charge for (`kind`), and usage lines their `metric` and the
 * `tiers` they applied; a usage line has no single unit price, so `unit_amount` may be
 * null. Existing lines are backfilled: a plan change's proration lines (named "Unused
 * time on …", "Remaining time on …", or the credit kept as customer balance) become
 * `proration`, every other line `subscription`; an invoice with a discount gets it as a
 * last `discount` line (negative), so every invoice's lines add up to its `amount_due`.
 */
export const invoiceLineKinds: Migration = {
  version: 16,
  name: 'invoice_lines.kind',
  sql: `
alter table invoice_lines
  add column kind text not null default 'subscription' check (kind in ('subscription','seats','usage','proration','discount')),
  add column metric text,
  add column tiers jsonb;
alter table invoice_lines alter column unit_amount drop not null;
update invoice_lines set kind = 'proration'
  where description like 'Unused time on %' or description like 'Remaining time on %' or description = 'Unused credit kept as customer balance';
insert into invoice_lines (invoice_id, position, kind, description, quantity, unit_amount, amount)
  select i.id, coalesce((select max(l.position) + 1 from invoice_lines l where l.invoice_id = i.id), 0),
    'discount', coalesce(i.discount_description, 'Discount'), 1, -i.discount_amount, -i.discount_amount
  from invoices i where i.discount_amount > 0;
alter table invoice_lines alter column kind drop default;
`,
};

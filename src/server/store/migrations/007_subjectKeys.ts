import type { Migration } from './Migration';

/**
 * Subjects were plain ids, so an org named like a user shared that user's billing.
 * Each is now stored as `<kind>:<id>`. The kind comes from what recorded it (the
 * customer row, a checkout session's subject_kind); a subject seen nowhere else
 * (usage recorded with the API key only) is an org when its id starts with `org_`,
 * as the demo's and the docs' ids do, else a user.
 */
export const subjectKeys: Migration = {
  version: 7,
  name: 'subject keys user:<id> / org:<id>',
  sql: `
create temp table subject_kinds on commit drop as
  select distinct on (id) id, kind from (
    select id, kind, 0 as rank from customers
    union all select subject, subject_kind, 1 from checkout_sessions
  ) k order by id, rank;
create or replace function pg_temp.subject_key(plain text) returns text language sql stable as $$
  select coalesce((select kind from subject_kinds where id = plain), case when plain like 'org\\_%' then 'org' else 'user' end) || ':' || plain
$$;
update customers set id = kind || ':' || id;
update checkout_sessions set subject = subject_kind || ':' || subject;
update subscriptions set subject = pg_temp.subject_key(subject);
update invoices set subject = pg_temp.subject_key(subject);
update usage_records set subject = pg_temp.subject_key(subject);
update outbox set subject = pg_temp.subject_key(subject) where subject is not null;
update payment_methods set subject = pg_temp.subject_key(subject);
update idempotency_keys set scope = 'checkout:' || pg_temp.subject_key(substr(scope, 10)) where scope like 'checkout:%';
update settings set key = 'stripe_customer:' || pg_temp.subject_key(substr(key, 17)) where key like 'stripe\\_customer:%';
`,
};

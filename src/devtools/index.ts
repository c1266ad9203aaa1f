/**
 * `billkit/devtools`: `<BillingDevtools/>`, for development only. Nothing in `billkit`
 * imports this entry (test/client/entry-boundary.test.ts holds it), so an app that does
 * not import it pays nothing; load it behind `process.env.NODE_ENV` and `lazy()`.
 */
export { BillingDevtools, type BillingDevtoolsProps } from './BillingDevtools';
export { DEMO_SUBJECTS } from './SubjectSection';

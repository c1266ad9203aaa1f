export { UsageMeter, type UsageMeterProps } from './UsageMeter';
export type { UsageUnit } from './usageUnit';

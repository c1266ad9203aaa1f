export { UsageMeter, type UsageMeterProps } from './UsageMeter';

/**
 * For test files where each test starts its own proxy (and receivers): what a test
 * starts is closed after it, last started first.
 */
import { afterEach } from 'vitest';
import { startTestProxy, type TestProxy, type TestProxyOptions } from './proxy';

/** Registers the `afterEach`; the returned `defer(close)` adds to what the current test closes. */
export function closeAfterEach(): (close: () => Promise<void> | void) => void {
  const closes: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const close of closes.splice(0).reverse()) await close();
  });
  return (close) => {
    closes.push(close);
  };
}

/**
 * Registers the `afterEach` and answers `proxyWith(options)`: a test proxy started with
 * `defaults` overlaid by `options`, closed after the test; `defer` closes anything else.
 */
export function proxyPerTest(defaults: TestProxyOptions = {}) {
  const defer = closeAfterEach();
  const proxyWith = async (options: TestProxyOptions = {}): Promise<TestProxy> => {
    const proxy = await startTestProxy({ ...defaults, ...options });
    defer(proxy.close);
    return proxy;
  };
  return { proxyWith, defer };
}

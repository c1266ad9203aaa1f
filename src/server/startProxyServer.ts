import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { answerClientError, DEFAULT_MAX_HEADER_BYTES } from './answerClientError';
import { createProxyApp, type ProxyApp, type ProxyAppOptions } from './app';

/** Options of {@link startProxyServer}: the app's, plus where to listen. */
export interface ProxyServerOptions extends ProxyAppOptions {
  /** 0 picks a free port. Default 4242. */
  port?: number;
  /** Interface to listen on. Default `localhost`; `0.0.0.0` for every interface. */
  hostname?: string;
  /** Largest request head (all headers) in bytes; larger ones get a JSON 431. Default 16 kB. */
  maxHeaderSize?: number;
}

/** A running proxy. */
export interface ProxyServer {
  /** `http://localhost:<port>` */
  url: string;
  port: number;
  app: ProxyApp;
  /** Stops accepting connections, stops webhook delivery, then closes the store. */
  close(): Promise<void>;
}

/**
 * Serves {@link createProxyApp} on a Node HTTP port (used by the CLI, the benchmark and
 * end-to-end tests). Starts webhook delivery, including events left pending by an
 * earlier run. Node only.
 */
export async function startProxyServer(options: ProxyServerOptions): Promise<ProxyServer> {
  const app = createProxyApp(options);
  const hostname = options.hostname ?? 'localhost';
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve(
      {
        fetch: app.fetch,
        port: options.port ?? 4242,
        hostname,
        serverOptions: { maxHeaderSize: options.maxHeaderSize ?? DEFAULT_MAX_HEADER_BYTES },
      },
      (info: AddressInfo) => resolve({ server, port: info.port }),
    );
    server.on('clientError', answerClientError);
    server.once('error', reject);
  });
  app.webhooks?.start();
  let closing: Promise<void> | undefined;
  return {
    url: `http://${hostname === '0.0.0.0' || hostname === '::' ? 'localhost' : hostname}:${port}`,
    port,
    app,
    close: () =>
      (closing ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          // Keep-alive connections would hold close() open; end the idle ones.
          (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
        });
        await app.close();
        await options.store.close();
      })()),
  };
}

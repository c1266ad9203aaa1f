import type { Duplex } from 'node:stream';

/** Node's `maxHeaderSize` default, which the proxy keeps unless told otherwise. */
export const DEFAULT_MAX_HEADER_BYTES = 16 * 1024;

const ANSWERS: Record<string, [status: number, reason: string, code: string, message: string]> = {
  HPE_HEADER_OVERFLOW: [431, 'Request Header Fields Too Large', 'headers_too_large', 'The request headers are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'Request Timeout', 'request_timeout', 'The request took too long to arrive.'],
};

/**
 * A Node HTTP server `clientError` handler answering with the proxy's documented error
 * JSON instead of Node's bare status line: a 431 for headers over `maxHeaderSize`, a 408
 * for a request that timed out, a 400 for anything unparsable. Nothing reaches the app.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  // A connection reset, or one already answered: nothing can be written any more.
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, reason, code, message] = ANSWERS[error.code ?? ''] ?? [400, 'Bad Request', 'bad_request', 'The request is not valid HTTP.'];
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=UTF-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

import http from 'node:http';

/**
 * The header that carries the address of the connection a request came in on. Next.js 16 hands route
 * handlers, server actions and the proxy no socket, and fills X-Forwarded-For from the socket only
 * when the client did not send one, so a client could choose its own address there. Every incoming
 * request gets this header from the socket itself, replacing whatever the client sent under that name.
 */
export const SOCKET_ADDRESS_HEADER = 'x-hek-socket-address';

let stamped = false;

/** Called once at start (instrumentation.ts), in the process that runs the HTTP server (`next start`). */
export function stampSocketAddress(): void {
  if (stamped) return;
  stamped = true;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as http.IncomingMessage;
      request.headers[SOCKET_ADDRESS_HEADER] = request.socket?.remoteAddress ?? '';
    }
    return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
  } as typeof emit;
}

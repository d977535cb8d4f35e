// Bounds on what one client can hold of the bridge: how long it may take to send a request,
// how long a socket may sit idle, and how many sockets may be open at once. Without them a
// few hundred half-open connections stay open forever.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface ServerLimits {
  /** The request line and headers must arrive within this. */
  headersTimeoutMs: number;
  /** The whole request (headers and body) must arrive within this. */
  requestTimeoutMs: number;
  /** A kept-alive socket waits this long for its next request. */
  keepAliveTimeoutMs: number;
  /** A socket with no traffic either way is closed after this (event streams ping sooner). */
  idleTimeoutMs: number;
  /** Sockets open at once; past it the oldest idle one makes room, else the new one is refused. */
  maxConnections: number;
  /** How often Node checks the header and request timeouts. */
  checkIntervalMs: number;
}

export const DEFAULT_LIMITS: ServerLimits = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 5_000,
  idleTimeoutMs: 60_000,
  maxConnections: 64,
  checkIntervalMs: 1_000,
};

export interface ConnectionCount {
  /** Sockets open now. */
  open(): number;
  /** Sockets refused or closed to make room, since start. */
  shed(): number;
}

/**
 * Applies the limits to `server` (created with `connectionsCheckingInterval` set to
 * `checkIntervalMs`). Room for a new socket is made by closing the oldest one that has no
 * request in progress, so a flood of idle or half-sent connections cannot lock out the
 * page; only when every socket is busy is the newcomer refused.
 */
export function applyServerLimits(server: Server, limits: ServerLimits): ConnectionCount {
  server.headersTimeout = limits.headersTimeoutMs;
  server.requestTimeout = limits.requestTimeoutMs;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  // With no 'timeout' listener on the server, Node destroys the idle socket itself.
  server.setTimeout(limits.idleTimeoutMs);

  // Insertion order is age order; the value says whether a response is under way.
  const sockets = new Map<Socket, { busy: boolean }>();
  let shed = 0;

  server.on('connection', (socket: Socket) => {
    if (sockets.size >= limits.maxConnections) {
      const idle = [...sockets].find(([, state]) => !state.busy)?.[0];
      shed++;
      if (idle) {
        sockets.delete(idle);
        idle.destroy();
      } else {
        socket.destroy();
        return;
      }
    }
    sockets.set(socket, { busy: false });
    socket.once('close', () => sockets.delete(socket));
  });

  server.on('request', (req, res) => {
    const state = sockets.get(req.socket);
    if (!state) return;
    state.busy = true;
    res.once('close', () => (state.busy = false));
  });

  return { open: () => sockets.size, shed: () => shed };
}

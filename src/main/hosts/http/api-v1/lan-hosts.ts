// Who is near: loopback clients and the Host names the bridge answers to. In LAN mode the
// API answers to the served address as well; everything else stays loopback-only.
import type { IncomingMessage } from 'node:http';
import { hostname, networkInterfaces } from 'node:os';

/** A client on this machine: 127.0.0.0/8 or ::1 (also IPv4-mapped). */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(v4) || address === '::1';
}

export function isLoopbackClient(req: IncomingMessage): boolean {
  return isLoopbackAddress(req.socket.remoteAddress);
}

/** `--host` values that keep the bridge on this machine. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || isLoopbackAddress(host);
}

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** `0.0.0.0` or `::`: every address of this machine. */
export function isWildcardHost(host: string): boolean {
  return WILDCARDS.has(host);
}

/**
 * The Host header values (lower case, with the port) that name a bridge listening on
 * `host`:`port`: loopback names always; the address itself; for a wildcard address, every
 * address of this machine and its host name. Others are refused (DNS rebinding).
 */
export function servedHostNames(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  const add = (name: string): void => {
    names.add(name.includes(':') && !name.startsWith('[') ? `[${name}]` : name);
  };
  if (isWildcardHost(host)) {
    for (const list of Object.values(networkInterfaces())) {
      for (const entry of list ?? []) add(entry.address);
    }
    add(hostname());
    add(`${hostname()}.local`);
  } else {
    add(host);
  }
  const withPort = [...names].map((n) => `${n.toLowerCase()}:${port}`);
  // Browsers leave out :80.
  return new Set(port === 80 ? [...withPort, ...names] : withPort);
}

export function hostIsServed(req: IncomingMessage, names: ReadonlySet<string>): boolean {
  return names.has((req.headers.host ?? '').toLowerCase());
}

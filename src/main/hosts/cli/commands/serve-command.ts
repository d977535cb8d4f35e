import { statSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { loadKeyStore } from '../../http/api-v1/key-store';
import { isLoopbackHost, isWildcardHost } from '../../http/api-v1/lan-hosts';
import { startBridge } from '../../http/bridge-server';
import { UsageError, type CliContext } from '../cli-context';

/**
 * Browser mode: serves the UI and the contract on 127.0.0.1 until interrupted. With
 * `--host ADDRESS --api-keys FILE` it also serves `/api/v1/` to the network, to API keys.
 */
export async function serveCommand(ctx: CliContext): Promise<void> {
  const host = ctx.flags.host ?? '127.0.0.1';
  const keysFile = ctx.flags.apiKeys;
  if (!isLoopbackHost(host) && !keysFile) {
    throw new UsageError(
      `serve --host ${host} would open Packshot to the network: it needs --api-keys FILE ` +
        '(make one with: packshot api-keys add NAME --scopes read --file FILE)',
    );
  }
  const keys = keysFile
    ? loadKeyStore(keysFile, (message) => ctx.err.write(`packshot: ${message}\n`))
    : undefined;
  const bridge = await startBridge({
    engine: ctx.engine,
    rendererDir: ctx.rendererDir,
    port: ctx.flags.port ?? 0,
    host,
    lan: keys ? { keys } : undefined,
  });
  ctx.out.write(`Packshot is serving at ${bridge.url}\n`);
  if (keys) {
    const count = keys.current().keys.length;
    for (const address of apiAddresses(host)) {
      ctx.out.write(`Headless API at http://${address}:${bridge.port}/api/v1/\n`);
    }
    ctx.out.write(
      `API keys required (${count} in ${keys.path}): Authorization: Bearer <key>, or ` +
        'signed URLs. The app, media and every editing method answer this machine only.\n',
    );
    if ((statSync(keys.path).mode & 0o077) !== 0) {
      ctx.err.write(`packshot: ${keys.path} is readable by others: chmod 600 it\n`);
    }
  }
  ctx.out.write(`Data: ${ctx.engine.dataDir}. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.close();
}

/** Where front ends reach the API: the address, or each of this machine's for a wildcard. */
function apiAddresses(host: string): string[] {
  if (!isWildcardHost(host)) return [host.includes(':') ? `[${host}]` : host];
  const all = Object.values(networkInterfaces())
    .flat()
    .filter((entry) => entry && entry.family === 'IPv4')
    .map((entry) => entry!.address);
  return all.length > 0 ? all : ['127.0.0.1'];
}

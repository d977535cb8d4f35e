import { loadKeyStore } from '../../http/api-v1/key-store';
import { isLoopbackHost } from '../../http/api-v1/lan-hosts';
import { startBridge } from '../../http/bridge-server';
import { UsageError, type CliContext } from '../cli-context';

const WILDCARDS = new Set(['0.0.0.0', '::']);

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
  if (isLoopbackHost(host) || WILDCARDS.has(host)) {
    ctx.out.write(`Packshot is serving at ${bridge.url}\n`);
  } else {
    ctx.out.write(
      `The app is not served on ${host} (use --host 0.0.0.0 to open it on 127.0.0.1 too)\n`,
    );
  }
  if (keys) {
    const shown = host.includes(':') ? `[${host}]` : host;
    const count = keys.current().keys.length;
    ctx.out.write(
      `Headless API at http://${shown}:${bridge.port}/api/v1/ — API keys required ` +
        `(${count} in ${keys.path}; Authorization: Bearer <key>, or signed URLs).\n` +
        'The app, media and every editing method answer this machine only.\n',
    );
  }
  ctx.out.write(`Data: ${ctx.engine.dataDir}. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.close();
}

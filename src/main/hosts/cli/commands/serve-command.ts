import { startBridge } from '../../http/bridge-server';
import type { CliContext } from '../cli-context';

/** Browser mode: serves the UI and the contract on 127.0.0.1 until interrupted. */
export async function serveCommand(ctx: CliContext): Promise<void> {
  const bridge = await startBridge({
    engine: ctx.engine,
    rendererDir: ctx.rendererDir,
    port: ctx.flags.port ?? 0,
  });
  ctx.out.write(`Packshot is serving at ${bridge.url}\n`);
  ctx.out.write(`Data: ${ctx.engine.dataDir}. Press Ctrl+C to stop.\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await bridge.close();
}

// Starts the engine in browser mode through the command line, as a user would:
//   node out/main/cli.cjs serve --port 0 --data <dir>
// The CLI's contract: it prints a line containing http://127.0.0.1:<port>/?token=<token>.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { cliPath, repoRoot } from './paths';

export interface BrowserModeServer {
  /** The full URL to open, with the token. */
  url: string;
  /** http://127.0.0.1:<port> */
  origin: string;
  port: number;
  token: string;
  /** Everything the process printed so far (stdout and stderr, interleaved). */
  output(): string;
  stop(): Promise<void>;
}

const URL_LINE = /http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9._~%-]+)/;

export async function startBrowserModeServer(
  dataDir: string,
  { timeoutMs = 30_000 }: { timeoutMs?: number } = {},
): Promise<BrowserModeServer> {
  if (!existsSync(cliPath)) {
    throw new Error(
      `${path.relative(repoRoot, cliPath)} does not exist: build first (npm run build).`,
    );
  }

  const child = spawn(process.execPath, [cliPath, 'serve', '--port', '0', '--data', dataDir], {
    cwd: repoRoot,
    env: { ...process.env, PACKSHOT_DATA: dataDir, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let log = '';
  const append = (chunk: Buffer): void => {
    log += chunk.toString('utf8');
    if (log.length > 200_000) log = log.slice(-100_000);
  };
  child.stderr.on('data', append);

  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    const { port, token } = await new Promise<{ port: number; token: string }>(
      (resolve, reject) => {
        let pending = '';
        const timer = setTimeout(
          () => reject(new Error(`no URL line within ${timeoutMs} ms`)),
          timeoutMs,
        );
        child.stdout.on('data', (chunk: Buffer) => {
          append(chunk);
          pending += chunk.toString('utf8');
          const match = URL_LINE.exec(pending);
          if (match) {
            clearTimeout(timer);
            resolve({ port: Number(match[1]), token: decodeURIComponent(match[2]!) });
          }
        });
        child.once('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
        child.once('exit', (code, signal) => {
          clearTimeout(timer);
          reject(new Error(`exited (${signal ?? `code ${code}`}) before printing its URL`));
        });
      },
    );
    const origin = `http://127.0.0.1:${port}`;
    return {
      url: `${origin}/?token=${encodeURIComponent(token)}`,
      origin,
      port,
      token,
      output: () => log,
      stop: () => stop(child, exited),
    };
  } catch (error) {
    await stop(child, exited);
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`packshot serve ${message}\n--- its output ---\n${log || '(none)'}`);
  }
}

async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), 5_000);
  });
  const outcome = await Promise.race([exited, timeout]);
  clearTimeout(timer);
  if (outcome === 'timeout') {
    child.kill('SIGKILL');
    await exited;
  }
}

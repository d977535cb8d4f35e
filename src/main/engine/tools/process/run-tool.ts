import { spawn } from 'node:child_process';

export interface RunOptions {
  /** Killed (SIGKILL) after this long: a hostile or truncated file must never hang a scan. */
  timeoutMs: number;
  /** Standard output beyond this is an error, not a memory blow-up. */
  maxOutputBytes?: number;
  /** Bytes written to the tool's standard input. */
  input?: Buffer;
  /** Killed (SIGKILL) when this aborts: a cancelled export stops its transcode at once. */
  signal?: AbortSignal;
}

export interface RunResult {
  stdout: Buffer;
  stderr: string;
}

/** A tool that failed, timed out or said too much; `message` is for the asset's error. */
export class ToolError extends Error {
  constructor(
    message: string,
    readonly stderr = '',
    readonly timedOut = false,
  ) {
    super(message);
    this.name = 'ToolError';
  }
}

const STDERR_KEPT = 64 * 1024;

/**
 * Runs an external tool (ffmpeg, ffprobe, …) with arguments, never a shell, so a file name
 * can never become a command. Resolves with its output when it exits 0; rejects with a
 * ToolError carrying the end of its stderr otherwise, or when it outlives its time limit.
 */
export function runTool(
  bin: string,
  args: readonly string[],
  options: RunOptions,
): Promise<RunResult> {
  const maxOut = options.maxOutputBytes ?? 256 * 1024 * 1024;
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let failure: ToolError | null = null;
    const stop = (error: ToolError): void => {
      failure ??= error;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(
      () =>
        stop(
          new ToolError(
            `${name(bin)} took longer than ${options.timeoutMs} ms and was stopped`,
            stderr,
            true,
          ),
        ),
      options.timeoutMs,
    );
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (outBytes > maxOut)
        stop(new ToolError(`${name(bin)} wrote more than ${maxOut} bytes`, stderr));
      else out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEPT);
    });
    const abort = (): void => stop(new ToolError(`${name(bin)} was stopped: cancelled`, stderr));
    if (options.signal?.aborted) abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    child.on('error', (error) =>
      stop(new ToolError(`${name(bin)} could not start: ${error.message}`)),
    );
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', abort);
      if (failure) return reject(failure);
      if (code !== 0)
        return reject(
          new ToolError(
            `${name(bin)} failed (${signal ?? `exit ${code}`}): ${lastLine(stderr)}`,
            stderr,
          ),
        );
      resolve({ stdout: Buffer.concat(out), stderr });
    });
    // A tool that exits before reading its input closes the pipe: not our failure to report.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input);
  });
}

function name(bin: string): string {
  return bin.split(/[\\/]/).pop() ?? bin;
}

function lastLine(text: string): string {
  const lines = text.trim().split('\n');
  return (lines[lines.length - 1] ?? '').trim().slice(0, 300) || 'no message';
}

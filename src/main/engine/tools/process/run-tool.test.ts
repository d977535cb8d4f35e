import { describe, expect, it } from 'vitest';
import { runTool, ToolError } from './run-tool';

// Real processes: node itself stands in for an external tool.
const node = process.execPath;

describe('runTool', () => {
  it('returns what the tool wrote, with arguments passed as they are (no shell)', async () => {
    const out = await runTool(
      node,
      ['-e', 'process.stdout.write(process.argv[1])', '$(rm -rf x); `y`'],
      {
        timeoutMs: 20_000,
      },
    );
    expect(out.stdout.toString()).toBe('$(rm -rf x); `y`');
  });

  it('stops a tool that hangs and says so', async () => {
    const hang = runTool(node, ['-e', 'setInterval(() => {}, 1000)'], { timeoutMs: 300 });
    await expect(hang).rejects.toMatchObject({ timedOut: true });
    await expect(hang).rejects.toThrow(/took longer than 300 ms/);
  });

  it('stops a tool when its signal aborts (a cancelled export)', async () => {
    const ac = new AbortController();
    const hang = runTool(node, ['-e', 'setInterval(() => {}, 1000)'], {
      timeoutMs: 60_000,
      signal: ac.signal,
    });
    setTimeout(() => ac.abort(), 100);
    await expect(hang).rejects.toThrow(/was stopped: cancelled/);
  });

  it('reports a failing tool with the last line of its stderr', async () => {
    const fail = runTool(
      node,
      ['-e', 'console.error("first\\nInvalid data found"); process.exit(3)'],
      {
        timeoutMs: 20_000,
      },
    );
    await expect(fail).rejects.toBeInstanceOf(ToolError);
    await expect(fail).rejects.toThrow(/exit 3\): Invalid data found/);
  });

  it('refuses output past its limit instead of holding it all', async () => {
    const loud = runTool(node, ['-e', 'process.stdout.write(Buffer.alloc(1 << 20))'], {
      timeoutMs: 20_000,
      maxOutputBytes: 1000,
    });
    await expect(loud).rejects.toThrow(/more than 1000 bytes/);
  });

  it('says when the tool cannot start', async () => {
    await expect(runTool('/nonexistent/ffprobe', [], { timeoutMs: 1000 })).rejects.toThrow(
      /ffprobe could not start/,
    );
  });
});

// The fake transport holds renderer tests to the contract: arguments go through the same
// schemas as at the engine's edge.
import { describe, expect, it } from 'vitest';
import { checkRefused, FakeTransport } from './fake-transport';

describe('fake transport', () => {
  it('refuses arguments the engine would refuse, without calling the handler', async () => {
    const transport = new FakeTransport();
    let called = 0;
    transport.handle('assets.edit', ({ ids }) => {
      called++;
      return { changed: ids.length, step: 'Rate', canUndo: true, canRedo: false };
    });
    const outcome = await transport.invoke('assets.edit', { ids: [1], rating: 9 });
    expect(outcome).toEqual({
      ok: false,
      error: {
        code: 'invalid_argument',
        message: 'assets.edit: rating: Too big: expected number to be <=5',
      },
    });
    expect(
      await transport.invoke('assets.edit', { ids: 'all', rating: 1, extra: 1 }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_argument' } });
    expect(called).toBe(0);
    expect(transport.callsOf('assets.edit')).toHaveLength(2);
    expect(transport.takeRefused().map((r) => r.method)).toEqual(['assets.edit', 'assets.edit']);
    expect(transport.takeRefused()).toEqual([]);
  });

  it('hands handlers the parsed arguments, defaults filled in', async () => {
    const transport = new FakeTransport();
    let seen: unknown;
    transport.handle('assets.list', (args) => {
      seen = args;
      return { total: 0, offset: args.offset, items: [] };
    });
    expect(await transport.invoke('assets.list', {})).toEqual({
      ok: true,
      result: { total: 0, offset: 0, items: [] },
    });
    expect(seen).toMatchObject({ offset: 0, limit: 500 });
    expect(transport.callsOf('assets.list')).toEqual([{}]);
  });

  it('fails the test after one that left a refused call untaken', async () => {
    const transport = new FakeTransport();
    await transport.invoke('assets.get', { id: -1 });
    expect(checkRefused).toThrow(/The engine would refuse 1 call\(s\):\n {2}assets\.get: id:/);
    expect(checkRefused).not.toThrow();
  });
});

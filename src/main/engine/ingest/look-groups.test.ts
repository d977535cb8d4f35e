import { describe, expect, it } from 'vitest';
import { LookGroups } from './look-groups';

const head = (text: string): Buffer => Buffer.from(text);

describe('look groups', () => {
  it('keys by size and head: a different size or head is another group', () => {
    expect(LookGroups.key(10, head('abc'))).toBe(LookGroups.key(10, head('abc')));
    expect(LookGroups.key(11, head('abc'))).not.toBe(LookGroups.key(10, head('abc')));
    expect(LookGroups.key(10, head('abd'))).not.toBe(LookGroups.key(10, head('abc')));
    const tail = head('xyz');
    expect(LookGroups.key(10, head('abc'), tail)).toBe(LookGroups.key(10, head('abc'), tail));
    expect(LookGroups.key(10, head('abc'), tail)).not.toBe(LookGroups.key(10, head('abc')));
  });

  it("a costly group's copies wait for its leader's index, then take its placeholder", () => {
    const groups = new LookGroups();
    expect(groups.join('k', 1)).toEqual({ role: 'leader' });
    expect(groups.join('k', 2)).toEqual({ role: 'waiting' });
    expect(groups.join('k', 3)).toEqual({ role: 'waiting' });
    expect(groups.settle(2, 'X')).toEqual([]); // not a leader
    expect(groups.settle(1, 'P')).toEqual([2, 3]);
    expect(groups.settle(1, 'P')).toEqual([]); // once
    expect(groups.join('k', 4)).toEqual({ role: 'copy', placeholder: 'P' });
  });

  it('a leader whose index failed leaves its copies to their own index', () => {
    const groups = new LookGroups();
    groups.join('k', 1);
    expect(groups.join('k', 2)).toEqual({ role: 'waiting' });
    expect(groups.settle(1, null)).toEqual([]);
    // The next copy leads in its place: to the costly lane, and the copies after it wait.
    expect(groups.join('k', 3)).toEqual({ role: 'leader' });
    expect(groups.join('k', 4)).toEqual({ role: 'waiting' });
    expect(groups.settle(3, 'P')).toEqual([4]);
    groups.clear();
    expect(groups.join('k', 5)).toEqual({ role: 'leader' });
  });

  it('runs one head look per key, and a head without a thumbnail makes no leader', async () => {
    const groups = new LookGroups();
    let looks = 0;
    const look = (found: string | null) => (): Promise<string | null> => {
      looks++;
      return Promise.resolve(found);
    };
    expect(await Promise.all([groups.head('h', look('P')), groups.head('h', look('Q'))])).toEqual([
      'P',
      'P',
    ]);
    expect(await groups.head('none', look(null))).toBeNull();
    expect(await groups.head('none', look(null))).toBeNull();
    expect(looks).toBe(2);
    // The finer groups are apart: a null head leaves the file to lead its own.
    expect(groups.join('none', 1)).toEqual({ role: 'leader' });
    groups.clear();
    expect(await groups.head('h', look('Q'))).toBe('Q');
  });

  it('names a head by comparing it with the kept heads of its size; past the caps, by SHA-1', () => {
    const groups = new LookGroups();
    const a = head('a'.repeat(64));
    const reused = Buffer.from(a); // a look's buffer, refilled by the next look
    const keyA = groups.headKey(10, reused);
    reused.fill(0x62);
    expect(groups.headKey(10, Buffer.from(a))).toBe(keyA); // kept a copy, not the buffer
    expect(groups.headKey(11, Buffer.from(a))).not.toBe(keyA); // another size
    const keys = ['b', 'c', 'd', 'e', 'f'].map((c) => groups.headKey(10, head(c.repeat(64))));
    expect(new Set([keyA, ...keys]).size).toBe(6);
    // Four kept for size 10: the fifth distinct head is named by its hash, every time.
    expect(keys[4]).toBe(LookGroups.key(10, head('f'.repeat(64))));
    expect(groups.headKey(10, head('f'.repeat(64)))).toBe(keys[4]);
    expect(groups.headKey(10, head('c'.repeat(64)))).toBe(keys[1]);
    // A costly group's key adds the rest: one head with other bodies is another group.
    const body = head('x');
    expect(LookGroups.restKey(keyA, [body])).toBe(LookGroups.restKey(keyA, [head('x')]));
    expect(LookGroups.restKey(keyA, [body])).not.toBe(LookGroups.restKey(keyA, [head('y')]));
    groups.clear();
    expect(groups.headKey(10, head('f'.repeat(64)))).not.toBe(keys[4]); // kept again
  });
});

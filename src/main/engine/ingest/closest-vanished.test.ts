// Which vanished copy a new file is: inode and device, then the name, then the folder,
// then the name most alike; a better-fitting new file keeps a copy from taking its place.
import { describe, expect, it } from 'vitest';
import { closestVanished, type FileWhere } from './closest-vanished';

const at = (relPath: string, ino: number | null = null, catalogId = 1): FileWhere => ({
  catalogId,
  relPath,
  name: relPath.slice(relPath.lastIndexOf('/') + 1),
  ino,
  dev: ino === null ? null : 7,
  mtimeMs: 1000,
});

describe('closestVanished', () => {
  it('takes the vanished copy with its inode and device, whatever the names say', () => {
    const file = at('moved/b.jpg', 20);
    const vanished = [at('b.jpg', 10), at('a.jpg', 20)];
    expect(closestVanished(file, vanished, [])).toBe(vanished[1]);
    // Same inode number on another device is another file.
    expect(closestVanished({ ...file, dev: 8 }, vanished, [])).toBe(vanished[0]);
    // A freed inode handed to a new copy comes with a new mtime: not the file that had it.
    const reused = { ...at('b.jpg', 20), mtimeMs: 5000 };
    expect(closestVanished(reused, [at('a.jpg', 20), at('b.jpg', 10)], [])).toEqual(
      at('b.jpg', 10),
    );
  });

  it('without an inode of its own, takes the same name, then the folder most alike', () => {
    const vanished = [at('shoot/a.jpg', 1), at('shoot/c.jpg', 3), at('other/x/c2.jpg', 4)];
    expect(closestVanished(at('archive/c.jpg', 99), vanished, [])).toBe(vanished[1]);
    // A folder moved elsewhere with its files: the trailing folders match.
    expect(closestVanished(at('2024/other/x/renamed.jpg', 99), vanished, [])).toBe(vanished[2]);
    // Nothing tells them apart: the order given (originals first).
    expect(closestVanished(at('elsewhere/z.jpg', 99), vanished.slice(0, 2), [])).toBe(vanished[0]);
  });

  it('leaves a vanished copy to a new file that fits it better', () => {
    const vanished = [at('b.jpg', 10), at('shoot/c.jpg', 30)];
    const copy = at('a copy.jpg', 50);
    const rivals = [at('moved/b.jpg', 10), at('archive/c.jpg', 60)];
    expect(closestVanished(copy, vanished, rivals)).toBeUndefined();
    expect(closestVanished(rivals[1] as FileWhere, vanished, [copy, rivals[0] as FileWhere])).toBe(
      vanished[1],
    );
  });

  it('falls back to the order given when nothing is known (rows from before inodes)', () => {
    const vanished = [at('one.jpg'), at('two.jpg')];
    expect(closestVanished(at('new.jpg'), vanished, [])).toBe(vanished[0]);
    expect(closestVanished(at('x/two.jpg'), vanished, [])).toBe(vanished[1]);
  });
});

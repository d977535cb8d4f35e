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
    // A freed inode handed to a new copy comes with a new mtime: not the file that had it,
    // which moved to another volume keeping its dates.
    const reused = { ...at('x.jpg', 20), mtimeMs: 5000 };
    const across = { ...at('a.jpg', 21), dev: 8 };
    expect(closestVanished(reused, [at('a.jpg', 20)], [across])).toBeUndefined();
    expect(closestVanished(across, [at('a.jpg', 20)], [reused])).toEqual(at('a.jpg', 20));
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

  it('never takes a new copy on the same volume for the asset, one whose dates were kept may be', () => {
    const vanished = [at('shoot/c.jpg', 30)];
    const copied = { ...at('shoot/c.jpg copy.jpg', 31), mtimeMs: 9000 };
    expect(closestVanished(copied, vanished, [])).toBeUndefined();
    // Moved by a tool that copies, then deletes, keeping the dates (to the millisecond).
    expect(closestVanished(at('archive/c.jpg', 31), vanished, [])).toBe(vanished[0]);
    const viaDate = { ...at('archive/c.jpg', 31), mtimeMs: 1001 };
    expect(closestVanished(viaDate, vanished, [])).toBe(vanished[0]);
    // From another volume: nothing to tell, so it may be the asset moved across.
    expect(closestVanished({ ...copied, dev: 9 }, vanished, [])).toBe(vanished[0]);
  });

  it('falls back to the order given when nothing is known (rows from before inodes)', () => {
    const vanished = [at('one.jpg'), at('two.jpg')];
    expect(closestVanished(at('new.jpg'), vanished, [])).toBe(vanished[0]);
    expect(closestVanished(at('x/two.jpg'), vanished, [])).toBe(vanished[1]);
  });
});

// Users' patterns through the engine's methods (issue 12 §1): the hostile ones from the issue
// are accepted and run over real files with long names (a hang fails through vitest's
// timeout); what RE2 cannot bound is refused when saved, with the reason; and rules stored
// before the engine changed that it refuses are skipped one by one, not fatal.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MethodArgs, MethodName } from '../../../shared/contract';
import { DEFAULT_INTAKE_RULES } from '../../../shared/intake-dto';
import { startHarness, type Harness } from '../../test-support/engine-harness';
import { makeImage, tempDir } from '../../test-support/sample-images';
import { openDatabase } from '../db/open-database';
import { IntakeRepo } from '../repositories/intake-repo';
import { LinkRuleRepo } from '../repositories/link-rule-repo';

const LONG_FOLDER = 'a'.repeat(60);
const NAMES = [
  `${'a'.repeat(60)}_x.jpg`,
  `${'AB-'.repeat(13)}X.jpg`,
  `${'A'.repeat(120)}_01.jpg`,
  'SNK-100-RED_01.jpg',
];

let h: Harness;
let folder: string;
let catalogId: number;

beforeAll(async () => {
  folder = await tempDir('patterns');
  await mkdir(join(folder, LONG_FOLDER));
  for (const [i, name] of NAMES.entries())
    await writeFile(join(folder, LONG_FOLDER, name), await makeImage(64, 64, 'jpeg', i + 1));
  h = await startHarness();
  catalogId = (await h.call('catalogs.add', { path: folder })).id;
  await h.call('jobs.wait', {});
  await h.call('products.create', { sku: 'SNK-100-RED' });
}, 60_000);

afterAll(async () => {
  await h.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function refused<M extends MethodName>(method: M, args: MethodArgs<M>, why: RegExp) {
  await expect(h.call(method, args)).rejects.toMatchObject({
    code: 'invalid_argument',
    message: expect.stringMatching(why) as unknown,
  });
}

describe('hostile patterns from issue 12, through the engine', () => {
  it('intake: the naming rule, (a|a)*b and the folder glob run over long names', async () => {
    const rules = {
      ...DEFAULT_INTAKE_RULES,
      folderMap: [
        { glob: '*a*a*a*a*a*a*a*a*b', tag: 'Never' },
        { glob: '*a*a*a*a*a*a*a*a', tag: 'Long' },
      ],
      filename: [{ pattern: '(?<kind>(a|a)*b)', ignoreCase: false, tags: [] }],
      naming: { pattern: String.raw`([A-Z0-9]+-?)+_\d{2}`, ignoreCase: false },
    };
    await h.call('intakeRules.set', { catalogId, rules });
    const report = await h.call('intakeRules.apply', { catalogId });
    // Only the 120-character A…A_01 and SNK-100-RED_01 follow the convention.
    expect(report).toMatchObject({ assets: 4, violations: 2 });
    const preview = await h.call('intakeRules.preview', {
      catalogId,
      relPath: `${LONG_FOLDER}/${'a'.repeat(200)}.jpg`,
    });
    expect(preview.tags).toEqual(['Long']);
    expect(preview.violation).toMatch(/does not match the naming convention/);
    const other = await h.call('intakeRules.preview', {
      catalogId,
      relPath: `x/${'a'.repeat(150)}b.jpg`,
    });
    expect(other.tags).toEqual([`Kind|${'a'.repeat(150)}b`]);
  });

  it('link rules: ^(?<sku>(a+)+)_x$ is saved and tried on every file', async () => {
    const saved = await h.call('rules.save', {
      name: 'nested',
      pattern: '^(?<sku>(a+)+)_x$',
      auto: true,
    });
    expect(saved.pattern).toBe('^(?<sku>(a+)+)_x$');
    expect(await h.call('rules.dryRun', {})).toMatchObject({ links: [], unmatched: 4 });
    const plan = await h.call('rules.dryRun', { pattern: String.raw`^(?<sku>(a+)+)_x\.jpg$` });
    expect(plan.unknownSku.map((m) => m.reason)).toEqual([`no product has SKU ${'a'.repeat(60)}`]);
    await h.call('rules.delete', { id: saved.id });
  });
});

describe('what RE2 cannot bound is refused when saved, with the reason', () => {
  it('intake rules, naming conventions, folder globs and ignore globs', async () => {
    const rules = (patch: Partial<typeof DEFAULT_INTAKE_RULES>) => ({
      catalogId,
      rules: { ...DEFAULT_INTAKE_RULES, ...patch },
    });
    await refused(
      'intakeRules.set',
      rules({ filename: [{ pattern: '(?<=_)(?<sku>\\w+)', ignoreCase: false, tags: [] }] }),
      /Lookaround .* not supported: patterns run on a linear-time engine/,
    );
    await refused(
      'intakeRules.set',
      rules({ naming: { pattern: String.raw`(\w+)_\1`, ignoreCase: true } }),
      /Backreferences .* not supported/,
    );
    await refused(
      'intakeRules.set',
      rules({ folderMap: [{ glob: '!(raw)/**', tag: 'Edited' }] }),
      /Glob !\(raw\)\/\*\*: !\(…\) cannot be matched by the linear-time engine/,
    );
    await refused(
      'catalogs.configure',
      { id: catalogId, ignore: ['**/!(keep)'] },
      /cannot be matched by the linear-time engine/,
    );
  });

  it('link rules, saved or tried once', async () => {
    await refused(
      'rules.save',
      { name: 'ahead', pattern: '(?<sku>\\w+)(?=_\\d)', auto: false },
      // Refused by the method's own argument check, before any rule is compiled.
      /rules\.save: pattern: lookaround .* not supported/i,
    );
    await refused(
      'rules.dryRun',
      { pattern: String.raw`(?<sku>\w+)_\k<sku>` },
      /backreferences .* not supported/i,
    );
  });
});

describe('stored patterns the engine now refuses', () => {
  it('are skipped rule by rule with the reason, and the others still run', async () => {
    await h.engine.close();
    const db = openDatabase(join(h.dataDir, 'packshot.db'));
    const links = new LinkRuleRepo(db);
    links.create({ name: 'old lookahead', pattern: '(?<sku>[A-Z-]+\\d+)(?=_)', auto: true });
    links.create({ name: 'good', pattern: '^(?<sku>[A-Z0-9-]+)_(?<position>\\d{2})', auto: false });
    new IntakeRepo(db, () => null).set(catalogId, {
      ...DEFAULT_INTAKE_RULES,
      filename: [
        { pattern: '^(?<sku>\\w+)(?=_)', ignoreCase: false, tags: [] },
        { pattern: '^(?<sku>[A-Z]+-\\d+)-', ignoreCase: false, tags: ['Studio'] },
      ],
      naming: { pattern: '(\\w)\\1', ignoreCase: false },
    });
    db.close();
    await h.restart();

    const list = await h.call('rules.list', {});
    expect(list.map((r) => [r.name, r.problem ?? null])).toEqual([
      ['old lookahead', expect.stringMatching(/^Rule old lookahead: lookaround .* not supported/)],
      ['good', null],
    ]);
    const plan = await h.call('rules.dryRun', {});
    expect(plan.links.map((l) => l.relPath)).toEqual([`${LONG_FOLDER}/SNK-100-RED_01.jpg`]);

    const rules = await h.call('intakeRules.get', { catalogId });
    expect(rules.filename.map((r) => r.pattern)).toEqual(['^(?<sku>[A-Z]+-\\d+)-']);
    expect(rules.naming).toBeNull();
    const preview = await h.call('intakeRules.preview', {
      catalogId,
      relPath: 'SNK-100-RED_01.jpg',
    });
    expect(preview.tags).toEqual(['Studio', 'SKU|SNK-100']);
  });
});

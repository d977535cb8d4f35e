// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodArgs, ParsedArgs } from '../../../../shared/contract';
import { DEFAULT_INTAKE_RULES, type IntakeRules } from '../../../../shared/intake-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeCatalog, settle, type FakeTransport } from '../../test-support/fake-transport';
import { button, click, setValue } from '../../test-support/form-events';
import { oneByTestId } from '../../test-support/render';
import { CatalogList } from '../sidebar/CatalogList';
import { fromDraft, toDraft } from './intake-draft';
import { PREVIEW_DELAY_MS } from './use-intake-preview';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

/** The live test waits for typing to pause; this lets that pause pass. */
async function afterPause(): Promise<void> {
  await act(async () => {
    await new Promise((resolve) => setTimeout(resolve, PREVIEW_DELAY_MS + 20));
    await settle();
  });
}

/**
 * A stand-in for the engine's evaluation: enough to tell which draft it was given. A bad
 * pattern never gets here: the contract's schema refuses it, in the fake as in the engine.
 */
function previewOf({ rules, relPath }: ParsedArgs<'intakeRules.preview'>) {
  const pattern = rules?.filename?.[0]?.pattern;
  const sku = pattern ? /[A-Z]+-\d+/.exec(relPath)?.[0] : undefined;
  return {
    tags: sku ? [`SKU|${sku}`] : [],
    fields: {},
    violation: rules?.naming ? `'${relPath}' does not match the naming convention` : null,
  };
}

async function open(saved: IntakeRules = DEFAULT_INTAKE_RULES) {
  const transport: FakeTransport = fakeEngine({ catalogs: [makeCatalog(1, { name: 'studio' })] })
    .handle('intakeRules.get', () => saved)
    .handle('intakeRules.preview', previewOf)
    .handle('intakeRules.set', ({ rules }) => ({ ...DEFAULT_INTAKE_RULES, ...rules }))
    .handle('intakeRules.apply', () => ({
      assets: 12,
      violations: 1,
      changed: 5,
      step: 'Apply intake rules to studio',
      canUndo: true,
      canRedo: false,
    }));
  harness = await startUi(<CatalogList />, transport);
  await click(button(harness.root, 'Intake rules for studio'));
  return { transport, root: harness.root, dialog: oneByTestId(harness.root, 'intake-dialog') };
}

describe('intake rules dialog', () => {
  it('opens from the catalog entry with the saved rules', async () => {
    const { dialog } = await open({
      ...DEFAULT_INTAKE_RULES,
      filename: [{ pattern: '^(?<sku>[A-Z]+-\\d+)', ignoreCase: false, tags: ['A', 'B'] }],
    });
    expect(dialog.querySelector('h2')?.textContent).toBe('Intake rules for studio');
    expect(dialog.querySelector<HTMLInputElement>('[aria-label="Pattern 1"]')?.value).toBe(
      '^(?<sku>[A-Z]+-\\d+)',
    );
    expect(
      dialog.querySelector<HTMLInputElement>('[aria-label="Extra tags for pattern 1"]')?.value,
    ).toBe('A, B');
  });

  it('shows live what a sample file name would get from the draft', async () => {
    const { dialog, transport } = await open();
    await afterPause();
    expect(oneByTestId(dialog, 'intake-test-tags').textContent).toBe('No tags');
    await click(button(dialog, 'Add a pattern'));
    setValue(dialog.querySelector('[aria-label="Pattern 1"]'), '^(?<sku>[A-Z]+-\\d+)');
    await afterPause();
    expect(oneByTestId(dialog, 'intake-test-tags').textContent).toBe('SKU|ABC-123');
    const sent = (
      transport.callsOf('intakeRules.preview') as MethodArgs<'intakeRules.preview'>[]
    ).at(-1);
    expect(sent).toMatchObject({
      catalogId: 1,
      relPath: 'Shoes/Sneakers/ABC-123_01.jpg',
      rules: { filename: [{ pattern: '^(?<sku>[A-Z]+-\\d+)', tags: [] }] },
    });
    setValue(dialog.querySelector('[aria-label="Naming convention"]'), 'x+');
    setValue(dialog.querySelector('input[value="Shoes/Sneakers/ABC-123_01.jpg"]'), 'IMG_1.jpg');
    await afterPause();
    expect(oneByTestId(dialog, 'intake-test-naming').textContent).toMatch(/does not match/);
    // A pattern the engine refuses shows its reason in place of a result.
    setValue(dialog.querySelector('[aria-label="Pattern 1"]'), '(');
    await afterPause();
    expect(oneByTestId(dialog, 'intake-test-error').textContent).toMatch(
      /pattern: Not a valid regular expression/,
    );
    expect(transport.takeRefused().map((r) => r.method)).toEqual(['intakeRules.preview']);
  });

  it('saves, and saves and applies to existing files with a report', async () => {
    const { dialog, transport } = await open();
    const folderToggle = dialog.querySelector<HTMLInputElement>('fieldset input[type="checkbox"]');
    await click(folderToggle);
    await click(button(dialog, 'Save'));
    expect(
      (transport.callsOf('intakeRules.set') as MethodArgs<'intakeRules.set'>[])[0]?.rules,
    ).toMatchObject({ folders: { enabled: true, parent: 'Folder' }, naming: null });
    expect(oneByTestId(dialog, 'intake-status').textContent).toMatch(/^Saved/);
    await click(button(dialog, 'Save and apply to existing files'));
    expect(transport.callsOf('intakeRules.apply')).toEqual([{ catalogId: 1 }]);
    expect(oneByTestId(dialog, 'intake-status').textContent).toBe(
      'Applied to 12 files: 5 changed, 1 break the naming convention. Undo reverts it.',
    );
    await click(button(dialog, 'Close'));
    expect(harness?.root.querySelector('[data-testid="intake-dialog"]')).toBeNull();
  });
});

describe('intake draft', () => {
  it('round-trips rules through the form’s text fields, dropping blanks', () => {
    const rules: IntakeRules = {
      folders: { enabled: true, parent: 'Folder', nested: true },
      folderMap: [{ glob: 'Shoes/**', tag: 'Department|Footwear' }],
      filename: [{ pattern: 'a', ignoreCase: true, tags: ['X', 'Y|Z'] }],
      exif: { camera: true, lens: false },
      naming: { pattern: '[a-z]+', ignoreCase: false },
    };
    expect(fromDraft(toDraft(rules))).toEqual(rules);
    const draft = toDraft(rules);
    draft.folderMap += '\nno equals sign\n = nothing';
    draft.filename.push({ pattern: '', ignoreCase: false, tags: 'ignored' });
    draft.naming = '  ';
    expect(fromDraft(draft)).toEqual({ ...rules, naming: null });
  });
});

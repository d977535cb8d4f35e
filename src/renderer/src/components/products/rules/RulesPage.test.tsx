// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LinkRule, RulePlan } from '../../../../../shared/product-dto';
import { startUi, type Harness } from '../../../test-support/app-harness';
import { fakeEngine } from '../../../test-support/fake-engine';
import { byTestId, flush, oneByTestId } from '../../../test-support/render';
import { RulesPage } from './RulesPage';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const plan: RulePlan = {
  links: [
    {
      assetId: 1,
      relPath: 'SHOE-1_1.jpg',
      productId: 1,
      sku: 'SHOE-1',
      role: 'gallery',
      position: 0,
      rule: 'shop',
    },
    {
      assetId: 2,
      relPath: 'SHOE-1_2.jpg',
      productId: 1,
      sku: 'SHOE-1',
      role: 'gallery',
      position: 1,
      rule: 'shop',
    },
  ],
  conflicts: [{ assetId: 3, relPath: 'BAG-2_1.jpg', reason: 'slot taken by BAG-2_1.png' }],
  unknownSku: [{ assetId: 4, relPath: 'HAT-9_1.jpg', reason: 'no product HAT-9' }],
  unmatched: 17,
};

async function start() {
  const rules: LinkRule[] = [
    { id: 1, name: 'shop', pattern: '^(?<sku>[A-Z]+-\\d+)_', auto: false },
  ];
  const transport = fakeEngine()
    .handle('rules.list', () => rules)
    .handle('rules.save', (args) => {
      const rule = { id: 2, name: args.name, pattern: args.pattern, auto: args.auto ?? false };
      rules.push(rule);
      return rule;
    })
    .handle('rules.delete', ({ id }) => {
      rules.splice(
        rules.findIndex((r) => r.id === id),
        1,
      );
      return { removed: true };
    })
    .handle('rules.dryRun', () => plan)
    .handle('rules.apply', () => ({
      ...plan,
      changed: 2,
      step: 'rules',
      canUndo: true,
      canRedo: false,
    }));
  harness = await startUi(<RulesPage />, transport);
  return { transport, root: harness.root };
}

function type(input: HTMLElement, value: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, value);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('filename rules', () => {
  it('dry run shows what would link, the conflicts, the unknown SKUs and the unmatched count', async () => {
    const { root, transport } = await start();
    expect((oneByTestId(root, 'rules-apply') as HTMLButtonElement).disabled).toBe(true);
    act(() => oneByTestId(root, 'rules-dry-run').click());
    await flush();
    expect(transport.callsOf('rules.dryRun')).toEqual([{}]);
    const items = (id: string) =>
      [...oneByTestId(root, id).querySelectorAll('li')].map((li) => li.textContent);
    expect(items('plan-links')).toEqual([
      'SHOE-1_1.jpg → SHOE-1 Gallery 1 (shop)',
      'SHOE-1_2.jpg → SHOE-1 Gallery 2 (shop)',
    ]);
    expect(items('plan-conflicts')).toEqual(['BAG-2_1.jpg: slot taken by BAG-2_1.png']);
    expect(items('plan-unknown')).toEqual(['HAT-9_1.jpg: no product HAT-9']);
    expect(oneByTestId(root, 'plan-unmatched').textContent).toBe('17 files match no rule');

    act(() => oneByTestId(root, 'rules-apply').click());
    await flush();
    expect(transport.callsOf('rules.apply')).toEqual([{}]);
    expect(oneByTestId(root, 'rules-applied').textContent).toBe(
      'Linked 2 files (one undoable step).',
    );
  });

  it('lists, adds and deletes rules', async () => {
    const { root, transport } = await start();
    expect(
      byTestId(root, 'rule-row').map((r) => r.querySelector('.rule-name')?.textContent),
    ).toEqual(['shop']);
    // The new-rule form is the last one on the page.
    type(byTestId(root, 'rule-name').at(-1)!, 'by folder');
    type(byTestId(root, 'rule-pattern').at(-1)!, '(?<sku>\\w+)/');
    act(() => byTestId(root, 'rule-save').at(-1)!.closest('form')!.requestSubmit());
    await flush();
    expect(transport.callsOf('rules.save')).toEqual([
      { name: 'by folder', pattern: '(?<sku>\\w+)/', auto: false },
    ]);
    expect(byTestId(root, 'rule-row')).toHaveLength(2);
    act(() =>
      byTestId(root, 'rule-row')[0]!.querySelector<HTMLButtonElement>('button.danger')!.click(),
    );
    await flush();
    expect(transport.callsOf('rules.delete')).toEqual([{ id: 1 }]);
    expect(
      byTestId(root, 'rule-row').map((r) => r.querySelector('.rule-name')?.textContent),
    ).toEqual(['by folder']);
  });
});

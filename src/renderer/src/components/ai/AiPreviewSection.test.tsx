// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { AiSuggestion, AssetAi } from '../../../../shared/ai-dto';
import { startUi, type Harness } from '../../test-support/app-harness';
import { emptyAi, makeStatus, ranAll } from '../../test-support/fake-ai';
import { fakeEngine } from '../../test-support/fake-engine';
import { makeAsset, type FakeTransport } from '../../test-support/fake-transport';
import { button } from '../../test-support/form-events';
import { press } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { PreviewPanel } from '../preview/PreviewPanel';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

const box = { x: 0.1, y: 0.1, w: 0.2, h: 0.2 };
const suggestion = (tagPath: string, confidence: number): AiSuggestion => ({
  tagPath,
  source: 'objects',
  confidence,
  state: 'pending',
});

/** Asset 1 (in folder "shoot 2") analysed: a cup, a bottle, a person, text with a SKU. */
function analysed(): AssetAi {
  return emptyAi(1, {
    objects: [
      { ...box, label: 'cup', confidence: 0.62 },
      { ...box, label: 'cup', confidence: 0.45 },
      { ...box, label: 'bottle', confidence: 0.41 },
      { ...box, label: 'chair', confidence: 0.25 },
      { ...box, label: 'person', confidence: 0.8 },
    ],
    faces: [{ ...box, id: 5, confidence: 0.9, groupId: 2, groupName: 'Ann' }],
    people: 1,
    text: { text: 'ACME-1042\n50% OFF', words: [] },
    suggestions: [
      suggestion('AI|Object|Cup', 0.62),
      suggestion('AI|Object|Bottle', 0.41),
      // Below the threshold: kept, not shown.
      suggestion('AI|Object|Chair', 0.25),
      { ...suggestion('AI|Object|Person', 0.8), state: 'rejected' },
    ],
    links: [
      {
        productId: 9,
        sku: 'ACME-1042',
        productName: 'Acme mug',
        matched: 'ACME-1042',
        state: 'pending',
      },
    ],
    runs: ranAll(),
  });
}

/** The preview on asset 1, whose analysis `ai` answers (read again on every call). */
async function show(ai: () => AssetAi, serve: (t: FakeTransport) => void = () => {}) {
  const transport = fakeEngine({
    total: 3,
    asset: (i) => makeAsset(i, { folder: i === 0 ? 'shoot 2' : '' }),
  });
  transport.handle('analyses.get', () => ai());
  serve(transport);
  harness = await startUi(<PreviewPanel />, transport);
  const { stores } = harness;
  act(() => stores.assets.getState().ensureRange(0, 10));
  await flush();
  act(() => stores.selection.getState().select(0, 1));
  await flush();
  await flush();
  return { transport, section: () => oneByTestId(harness!.root, 'preview-ai') };
}

const texts = (root: ParentNode, id: string) => byTestId(root, id).map((e) => e.textContent);

describe('the preview’s AI section', () => {
  it('shows what was found at or above the threshold, the people and the text read', async () => {
    const { section } = await show(analysed);
    expect(texts(section(), 'ai-object')).toEqual([
      'person · 80 %',
      'cup ×2 · 62 %',
      'bottle · 41 %',
    ]);
    expect(oneByTestId(section(), 'ai-people').textContent).toBe('1 person (Ann)');
    expect(oneByTestId(section(), 'ai-text').textContent).toBe('ACME-1042\n50% OFF');
    // Pending and at or above 0.4 only: not the chair (0.25), not the rejected person.
    expect(texts(section(), 'ai-suggestion')).toEqual([
      'Cup62 %AcceptReject',
      'Bottle41 %AcceptReject',
    ]);
    expect(oneByTestId(section(), 'ai-link').textContent).toContain(
      'SKU ACME-1042 read in the image: link to Acme mug?',
    );
    expect(oneByTestId(section(), 'ai-analyse').textContent).toBe('Analyse again');
  });

  it('follows the threshold: a higher one shows fewer objects and suggestions', async () => {
    const { section } = await show(analysed, (t) =>
      t.handle('analyses.status', () => makeStatus({ threshold: 0.5 })),
    );
    // The 0.45 cup no longer counts.
    expect(texts(section(), 'ai-object')).toEqual(['person · 80 %', 'cup · 62 %']);
    expect(texts(section(), 'ai-suggestion')).toHaveLength(1);
  });

  it('accepts one suggestion with its path, and the list updates', async () => {
    let ai = analysed();
    const { transport, section } = await show(
      () => ai,
      (t) =>
        t.handle('suggestions.accept', ({ tagPaths }) => {
          ai = {
            ...ai,
            suggestions: ai.suggestions.map((s) =>
              tagPaths?.includes(s.tagPath) ? { ...s, state: 'accepted' } : s,
            ),
          };
          return { accepted: 1, assets: 1 };
        }),
    );
    const reads = transport.callsOf('analyses.get').length;
    await press(button(section(), 'Accept tag AI|Object|Cup'));
    expect(transport.callsOf('suggestions.accept')).toEqual([
      { assetIds: [1], tagPaths: ['AI|Object|Cup'] },
    ]);
    expect(texts(section(), 'ai-suggestion')).toEqual(['Bottle41 %AcceptReject']);
    // Read again after the decision; an accept is an undo step, so Undo relearns its label.
    expect(transport.callsOf('analyses.get').length).toBeGreaterThan(reads);
    expect(transport.callsOf('edits.state').length).toBeGreaterThan(0);
  });

  it('accepts all and rejects all of what is shown, for this asset only', async () => {
    const { transport, section } = await show(analysed, (t) =>
      t
        .handle('suggestions.accept', () => ({ accepted: 2, assets: 1 }))
        .handle('suggestions.reject', () => ({ rejected: 2, assets: 1 })),
    );
    await press(oneByTestId(section(), 'ai-accept-all'));
    expect(transport.callsOf('suggestions.accept')).toEqual([
      { assetIds: [1], tagPaths: ['AI|Object|Cup', 'AI|Object|Bottle'] },
    ]);
    await flush();
    await press(button(section(), 'Reject all 2 suggested tags'));
    expect(transport.callsOf('suggestions.reject')).toEqual([
      { assetIds: [1], tagPaths: ['AI|Object|Cup', 'AI|Object|Bottle'] },
    ]);
    // The engine still answers them pending here; what it says after the call is shown.
    expect(texts(section(), 'ai-suggestion')).toHaveLength(2);
  });

  it('rejects one suggestion, and a product link is accepted or rejected by its pair', async () => {
    const { transport, section } = await show(analysed, (t) =>
      t
        .handle('suggestions.reject', () => ({ rejected: 1, assets: 1 }))
        .handle('linkSuggestions.accept', () => ({ linked: true }))
        .handle('linkSuggestions.reject', () => ({ rejected: true })),
    );
    await press(button(section(), 'Reject tag AI|Object|Bottle'));
    expect(transport.callsOf('suggestions.reject')).toEqual([
      { assetIds: [1], tagPaths: ['AI|Object|Bottle'] },
    ]);
    await press(button(section(), 'Link to Acme mug (ACME-1042)'));
    expect(transport.callsOf('linkSuggestions.accept')).toEqual([{ assetId: 1, productId: 9 }]);
    await press(button(section(), 'Do not link to Acme mug (ACME-1042)'));
    expect(transport.callsOf('linkSuggestions.reject')).toEqual([{ assetId: 1, productId: 9 }]);
  });

  it('analyses this file by its id; again once it is current', async () => {
    let ai = emptyAi(1);
    const { transport, section } = await show(
      () => ai,
      (t) => t.handle('analyses.run', () => ({ jobId: 4 })),
    );
    expect(byTestId(section(), 'ai-not-analysed')).toHaveLength(1);
    await press(oneByTestId(section(), 'ai-analyse'));
    expect(transport.callsOf('analyses.run')).toEqual([{ assetIds: [1] }]);
    expect(oneByTestId(section(), 'ai-queued').textContent).toContain('Jobs');

    // The job wrote results for another asset: nothing to read; then for this one.
    ai = analysed();
    const reads = transport.callsOf('analyses.get').length;
    act(() => transport.emit('analyses.changed', { assetIds: [2, 3] }));
    await flush();
    expect(transport.callsOf('analyses.get')).toHaveLength(reads);
    act(() => transport.emit('analyses.changed', { assetIds: [1] }));
    await flush();
    expect(texts(section(), 'ai-suggestion')).toHaveLength(2);
    await press(oneByTestId(section(), 'ai-analyse'));
    expect(transport.callsOf('analyses.run')[1]).toEqual({ assetIds: [1], again: true });
  });

  it('says which task failed, and that a changed file will be analysed again', async () => {
    const { section } = await show(() =>
      emptyAi(1, {
        runs: [
          { task: 'objects', model: 'm', ranAt: 1, error: null, current: false },
          { task: 'text', model: 't', ranAt: 1, error: 'no preview to analyse', current: true },
        ],
      }),
    );
    expect(oneByTestId(section(), 'ai-errors').textContent).toBe('Text: no preview to analyse');
    expect(byTestId(section(), 'ai-stale')).toHaveLength(1);
    expect(oneByTestId(section(), 'ai-analyse').textContent).toBe('Analyse');
    expect(oneByTestId(section(), 'ai-text').textContent).toBe('No text read');
  });

  it('reads again when tags change elsewhere (the CLI accepted them)', async () => {
    let ai = analysed();
    const { transport, section } = await show(() => ai);
    ai = { ...ai, suggestions: [] };
    act(() => transport.emit('tags.changed', {}));
    await flush();
    expect(byTestId(section(), 'ai-suggestion')).toHaveLength(0);
  });

  it('"More like this" searches like:<id>, with or without an analysis', async () => {
    const { section } = await show(() => emptyAi(1));
    act(() => harness!.stores.assets.getState().setView({ folder: 'shoot 2' }));
    await flush();
    await press(button(section(), 'More like this'));
    // Over the whole library, not only the folder shown.
    expect(harness!.stores.assets.getState().view).toMatchObject({
      query: 'like:1',
      folder: null,
    });
  });

  it('every control is a labelled button reachable by keyboard', async () => {
    const { section } = await show(analysed);
    const controls = [...section().querySelectorAll('button')];
    expect(controls.length).toBeGreaterThan(5);
    for (const c of controls) {
      expect(c.tabIndex).toBe(0);
      expect((c.getAttribute('aria-label') ?? c.textContent ?? '').trim()).not.toBe('');
    }
    expect(section().querySelector('[role="group"][aria-label="Suggested tags"]')).not.toBeNull();
  });
});

// @vitest-environment jsdom
// The Review view's keys on a mounted view, against a fake engine that keeps the decisions
// it is sent (so the state shown can be checked) and counts undo calls.
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import type { MethodArgs } from '../../../../shared/contract';
import type { ApprovalDecision, ApprovalState } from '../../../../shared/rights-dto';
import { memoryStorage, startUi, type Harness } from '../../test-support/app-harness';
import { editDone, fakeEngine } from '../../test-support/fake-engine';
import { deferred, type FakeTransport } from '../../test-support/fake-transport';
import { choose, press as click, typeInto } from '../../test-support/interact';
import { byTestId, flush, oneByTestId } from '../../test-support/render';
import { reviewAction } from './review-keys';
import { ReviewView } from './ReviewView';

let harness: Harness | undefined;
afterEach(() => {
  harness?.unmount();
  harness = undefined;
});

/** A fake engine over 4 assets whose approvals.set really records decisions. */
function reviewEngine(): FakeTransport {
  const decisions: ApprovalDecision[] = [];
  let reviewer = 'os-user';
  const stateOf = (id: number): ApprovalState =>
    decisions.findLast((d) => d.assetId === id)?.state ?? 'draft';
  const transport = fakeEngine({ total: 4 });
  transport
    .handle('approvals.reviewer', () => ({ name: reviewer }))
    .handle('approvals.setReviewer', ({ name }) => {
      reviewer = name;
      return { name };
    })
    .handle('approvals.set', ({ assetIds = [], state, comment }) => {
      for (const assetId of assetIds)
        decisions.push({
          id: decisions.length + 1,
          assetId,
          hash: 'h',
          state,
          who: reviewer,
          at: 0,
          comment,
        });
      return { changed: assetIds.length, skipped: 0, who: reviewer };
    })
    .handle('approvals.history', ({ assetId }) => ({
      current: 'h',
      decisions: decisions.filter((d) => d.assetId === assetId).reverse(),
    }))
    .handle('rights.get', ({ id }) => ({
      licences: [],
      releases: [],
      approval: stateOf(id),
      claims: null,
    }))
    .handle('rights.check', ({ assetIds = [] }) =>
      assetIds.map((assetId) => ({
        assetId,
        verdict: 'warn' as const,
        reasons: [{ code: 'licence.none', level: 'warn' as const, message: 'No licence' }],
      })),
    )
    .handle('edits.state', () => ({
      canUndo: decisions.length > 0,
      canRedo: false,
      undoLabel: null,
      redoLabel: null,
    }))
    .handle('edits.undo', () => {
      decisions.pop();
      return editDone(1, 'Approve 1 asset');
    });
  return transport;
}

async function start(confirmed: string | null = 'os-user') {
  const transport = reviewEngine();
  const storage = memoryStorage();
  if (confirmed !== null) storage.setItem('packshot.reviewerConfirmed', confirmed);
  harness = await startUi(<ReviewView />, transport, storage);
  await flush();
  return { transport, root: harness.root };
}

async function key(k: string, init: KeyboardEventInit = {}, target: EventTarget = document.body) {
  act(() => {
    target.dispatchEvent(new KeyboardEvent('keydown', { key: k, bubbles: true, ...init }));
  });
  await flush();
}

/** Types into a <textarea> as React sees it (its own value setter, then input). */
function typeComment(field: HTMLElement, text: string): void {
  act(() => {
    Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(field, text);
    field.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

const sets = (t: FakeTransport) => t.callsOf('approvals.set') as MethodArgs<'approvals.set'>[];
const current = (root: HTMLElement) =>
  byTestId(root, 'review-item').findIndex((li) => li.getAttribute('aria-current') === 'true');
const shownState = (root: HTMLElement) => oneByTestId(root, 'review-state').dataset.state;

describe('review keys', () => {
  it('maps keys without clashing with text: A X R decide, Shift for all checked, Ctrl+Z undo', () => {
    const k = (key: string, mods: Partial<KeyboardEvent> = {}) =>
      reviewAction({
        key,
        ctrlKey: false,
        metaKey: false,
        shiftKey: false,
        altKey: false,
        ...mods,
      });
    expect(k('a')).toEqual({ kind: 'decide', state: 'approved', bulk: false });
    expect(k('X')).toEqual({ kind: 'decide', state: 'rejected', bulk: false });
    expect(k('R', { shiftKey: true })).toEqual({ kind: 'decide', state: 'in-review', bulk: true });
    expect(k('z', { ctrlKey: true })).toEqual({ kind: 'undo' });
    expect(k('z', { metaKey: true, shiftKey: true })).toEqual({ kind: 'redo' });
    expect(k('a', { ctrlKey: true })).toEqual({ kind: 'checkAll' });
    expect(k('/')).toEqual({ kind: 'comment' });
    expect(k('ArrowRight')).toEqual({ kind: 'move', delta: 1 });
    expect([k('p'), k('a', { altKey: true }), k('J', { shiftKey: true })]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('asks for the reviewer name once before any decision', async () => {
    const { transport, root } = await start(null);
    await key('a');
    expect(sets(transport)).toEqual([]);
    typeInto(oneByTestId(root, 'reviewer-name'), 'Rita');
    await click(oneByTestId(root, 'reviewer-prompt').querySelector('button')!);
    expect(transport.callsOf('approvals.setReviewer')).toEqual([{ name: 'Rita' }]);
    expect(byTestId(root, 'reviewer-prompt')).toHaveLength(0);
    expect(oneByTestId(root, 'review-reviewer').textContent).toContain('Rita');
    expect(harness?.storage.getItem('packshot.reviewerConfirmed')).toBe('Rita');
    await key('a');
    expect(sets(transport)).toHaveLength(1);
  });

  it('A approves the asset in view and moves to the next; X rejects; arrows move', async () => {
    const { transport, root } = await start();
    expect(current(root)).toBe(0);
    expect(oneByTestId(root, 'review-verdict').dataset.verdict).toBe('warn');
    await key('a');
    expect(sets(transport)).toEqual([{ assetIds: [1], state: 'approved', comment: null }]);
    expect(current(root)).toBe(1);
    expect(byTestId(root, 'review-item')[0]?.dataset.state).toBe('approved');
    // The edits store reads the history so Undo names the new step.
    expect(transport.callsOf('edits.state').length).toBeGreaterThan(0);

    await key('x');
    expect(sets(transport)[1]).toMatchObject({ assetIds: [2], state: 'rejected' });
    expect(current(root)).toBe(2);
    await key('ArrowLeft');
    expect(current(root)).toBe(1);
    expect(shownState(root)).toBe('rejected');
    expect(byTestId(root, 'review-decision')[0]?.textContent).toContain('rejected by os-user');
  });

  it('a second A while the first decision is on its way does not decide the same asset again', async () => {
    const { transport, root } = await start();
    const gate = deferred<void>();
    transport.handle('approvals.set', async ({ assetIds = [] }) => {
      await gate.promise;
      return { changed: assetIds.length, skipped: 0, who: 'os-user' };
    });
    await key('a');
    await key('a');
    gate.resolve();
    await flush();
    await flush();
    expect(sets(transport)).toEqual([{ assetIds: [1], state: 'approved', comment: null }]);
    expect(current(root)).toBe(1);
    await key('a');
    expect(sets(transport)[1]).toMatchObject({ assetIds: [2], state: 'approved' });
  });

  it('C goes to the comment field, Enter hands the keys back, the next decision carries it', async () => {
    const { transport, root } = await start();
    const field = oneByTestId(root, 'review-comment') as HTMLTextAreaElement;
    await key('c');
    expect(document.activeElement).toBe(field);
    // Typed in the field, X is text, not a decision.
    await key('x', {}, field);
    expect(sets(transport)).toEqual([]);
    typeComment(field, 'Crop is off');
    await key('Enter', {}, field);
    expect(document.activeElement).not.toBe(field);
    await key('x');
    expect(sets(transport)).toEqual([{ assetIds: [1], state: 'rejected', comment: 'Crop is off' }]);
    expect(field.value).toBe('');
    await key('ArrowLeft');
    expect(oneByTestId(root, 'review-decision').textContent).toContain('Crop is off');
  });

  it('Ctrl+Z calls edits.undo and the view reads the state again', async () => {
    const { transport, root } = await start();
    await key('a');
    await key('ArrowLeft');
    expect(shownState(root)).toBe('approved');
    await key('z', { ctrlKey: true });
    expect(transport.callsOf('edits.undo')).toHaveLength(1);
    expect(shownState(root)).toBe('draft');
    expect(byTestId(root, 'review-item')[0]?.dataset.state).toBe('draft');
  });

  it('Space checks assets; Shift+A approves every checked one in one call with one comment', async () => {
    const { transport, root } = await start();
    await key(' ');
    await key('ArrowDown');
    await key('ArrowDown');
    await key(' ');
    expect(oneByTestId(root, 'review-bulk').textContent).toContain('2 checked');
    transport.calls.length = 0;
    typeComment(oneByTestId(root, 'review-comment'), 'Shoot signed off');
    await key('A', { shiftKey: true });
    expect(sets(transport)).toEqual([
      { assetIds: [1, 3], state: 'approved', comment: 'Shoot signed off' },
    ]);
    expect(byTestId(root, 'review-bulk')).toHaveLength(0);
    expect(byTestId(root, 'review-item').map((li) => li.dataset.state)).toEqual([
      'approved',
      'draft',
      'approved',
      '',
    ]);
    // The view stays where it was: a bulk decision does not advance.
    expect(current(root)).toBe(2);
  });

  it('reviews the Library selection when asked to', async () => {
    const { root } = await start();
    act(() => {
      harness?.stores.selection.getState().select(1, 2);
      harness?.stores.selection.getState().toggle(3, 4);
    });
    choose(oneByTestId(root, 'review-source'), 'selection');
    await flush();
    expect(
      byTestId(root, 'review-item').map((li) => li.querySelector('button')?.textContent),
    ).toEqual(['img-000001.jpg', 'img-000003.jpg']);
    expect(oneByTestId(root, 'review-count').textContent).toBe('2 assets');
  });

  it('reads the states again, once per burst, when another window or process decides', async () => {
    const { transport, root } = await start();
    expect(shownState(root)).toBe('draft');
    // Another process approves asset 0: the engine answers with it and says assets changed.
    let elsewhere: ApprovalState = 'approved';
    transport.handle('rights.get', () => ({
      licences: [],
      releases: [],
      approval: elsewhere,
      claims: null,
    }));
    const settle = async (emits: number) => {
      const before = transport.callsOf('rights.get').length;
      for (let i = 0; i < emits; i++)
        act(() => transport.emit('assets.changed', { catalogId: null }));
      await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
      await flush();
      return transport.callsOf('rights.get').length - before;
    };
    const one = await settle(1);
    expect(shownState(root)).toBe('approved');
    expect(byTestId(root, 'review-item')[0]?.dataset.state).toBe('approved');
    elsewhere = 'rejected';
    expect(await settle(5)).toBe(one);
    expect(shownState(root)).toBe('rejected');
  });

  it('a read-again that was on its way when a decision landed does not undo it on screen', async () => {
    const { transport, root } = await start();
    // The read-again's answers wait at the gate: read before the decision, they say draft.
    const gate = deferred<void>();
    transport.handle('rights.get', async () => {
      await gate.promise;
      return { licences: [], releases: [], approval: 'draft' as const, claims: null };
    });
    act(() => transport.emit('assets.changed', { catalogId: null }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(transport.callsOf('rights.get').length).toBeGreaterThan(0);
    await key('a');
    expect(byTestId(root, 'review-item')[0]?.dataset.state).toBe('approved');
    gate.resolve();
    await flush();
    await flush();
    expect(byTestId(root, 'review-item')[0]?.dataset.state).toBe('approved');
  });
});

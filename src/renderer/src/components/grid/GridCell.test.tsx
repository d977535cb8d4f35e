// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeAsset } from '../../test-support/fake-transport';
import { byTestId, mountBare, oneByTestId } from '../../test-support/render';
import { GridCell } from './GridCell';

const video = (i: number) =>
  makeAsset(i, {
    kind: 'video',
    format: 'mov',
    state: 'ok',
    thumb: 'ready',
    hash: String(i).repeat(64),
    durationMs: 8900,
  });
const noop = () => undefined;

let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

describe('GridCell reused for another asset (rows are keyed by slot)', () => {
  it('drops the scrub of the video it showed before', () => {
    const mounted = mountBare();
    const { container } = mounted;
    cleanup = () => mounted.unmount();
    const show = (i: number) =>
      mounted.show(
        <GridCell
          index={0}
          asset={video(i)}
          selected={false}
          focused={false}
          thumbUrl={`thumb-${i}`}
          stripUrl={`strip-${i}`}
          onSelect={noop}
          onOpen={noop}
          onDragStart={noop}
        />,
      );
    show(1);
    const area = oneByTestId(container, 'cell-scrub-area');
    vi.spyOn(area, 'getBoundingClientRect').mockReturnValue(new DOMRect(0, 0, 200, 150));
    act(() => {
      area.dispatchEvent(new MouseEvent('pointermove', { bubbles: true, clientX: 150 }));
    });
    expect(oneByTestId(container, 'cell-scrub').style.backgroundImage).toBe('url("strip-1")');
    show(2); // the same cell, now another video: nothing hovered over it yet
    expect(byTestId(container, 'cell-scrub')).toHaveLength(0);
    expect(oneByTestId(container, 'grid-cell').dataset.assetId).toBe('3');
  });
});

// Two versions of one asset, full window (the compare view's frame): side by side, as a wipe
// (a slider uncovers b over a), or as their pixel difference (the engine's diff, served by the
// media protocol), with their metadata side by side below. Any two versions can be picked.
// Escape closes; Left / Right move the wipe; 1, 2, 3 pick the view.
import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { VersionCompare, VersionEntry, VersionSide } from '../../../../shared/version-dto';
import { useServices } from '../../app-context';
import type { Client } from '../../client';
import { VersionFacts } from './VersionFacts';
import { WipeView } from './WipeView';

export type CompareMode = 'side' | 'wipe' | 'diff';
const MODES: { mode: CompareMode; label: string }[] = [
  { mode: 'side', label: 'Side by side' },
  { mode: 'wipe', label: 'Slider' },
  { mode: 'diff', label: 'Difference' },
];
/** How far one arrow key moves the wipe, in percent of the width. */
export const WIPE_STEP = 5;

export function VersionCompareView({
  id,
  versions,
  first,
  onClose,
}: {
  id: number;
  /** The versions to pick from (any two can be compared). */
  versions: readonly VersionEntry[];
  /** The pair shown first. */
  first: { a: number; b: number };
  /** Kept stable by the caller: a new one compares again. */
  onClose: () => void;
}) {
  const { client, stores } = useServices();
  const [{ a, b }, setPair] = useState(first);
  const [compared, setCompared] = useState<VersionCompare | null>(null);
  const [mode, setMode] = useState<CompareMode>('side');
  const [wipe, setWipe] = useState(50);
  const rootRef = useRef<HTMLDivElement>(null);

  useLayoutEffect(() => {
    const previous = document.activeElement;
    rootRef.current?.focus({ preventScroll: true });
    return () => {
      if (previous instanceof HTMLElement) previous.focus({ preventScroll: true });
    };
  }, []);

  useEffect(() => {
    let current = true;
    client.call('versions.compare', { id, a, b }).then(
      (answer) => {
        if (current) setCompared(answer);
      },
      (cause: unknown) => {
        if (!current) return;
        stores.notices.getState().report('Could not compare the versions', cause);
        onClose();
      },
    );
    return () => {
      current = false;
    };
  }, [id, a, b, client, stores, onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // The slider and the pickers take their own arrows; the view handles them elsewhere.
    const onControl =
      event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement;
    switch (event.key) {
      case 'Escape':
        onClose();
        break;
      case 'ArrowLeft':
      case 'ArrowRight':
        if (onControl) return;
        setMode('wipe');
        setWipe((w) => clamp(w + (event.key === 'ArrowLeft' ? -WIPE_STEP : WIPE_STEP)));
        break;
      case '1':
      case '2':
      case '3':
        setMode(MODES[Number(event.key) - 1]?.mode ?? 'side');
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <div
      ref={rootRef}
      className="compare version-compare"
      data-testid="version-compare-view"
      role="dialog"
      aria-modal="true"
      aria-label={`Compare version ${a} with version ${b}`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div className="version-compare-bar" role="tablist" aria-label="View">
        {MODES.map((m, i) => (
          <button
            key={m.mode}
            type="button"
            role="tab"
            aria-selected={mode === m.mode}
            data-testid={`version-mode-${m.mode}`}
            title={`${m.label} (${i + 1})`}
            onClick={() => setMode(m.mode)}
          >
            {m.label}
          </button>
        ))}
        {(['a', 'b'] as const).map((side) => (
          <label key={side} className="version-compare-pick">
            {side === 'a' ? 'Left' : 'Right'}{' '}
            <select
              data-testid={`version-pick-${side}`}
              value={side === 'a' ? a : b}
              onChange={(e) => {
                const n = Number(e.currentTarget.value);
                setPair((p) => ({ ...p, [side]: n }));
              }}
            >
              {versions.map((v) => (
                <option key={v.n} value={v.n}>
                  v{v.n}
                  {v.current ? ' (current)' : ''}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {compared === null ? (
        <span className="spinner" role="status" aria-label="Comparing" />
      ) : (
        <>
          <div className="version-compare-stage" data-mode={mode}>
            {mode === 'side' && (
              <div className="compare-frames version-compare-pair">
                <SideFrame side={compared.a} src={sideImage(client, compared.a)} />
                <SideFrame side={compared.b} src={sideImage(client, compared.b)} />
              </div>
            )}
            {mode === 'wipe' && (
              <WipeView
                a={sideImage(client, compared.a)}
                b={sideImage(client, compared.b)}
                labels={[`v${compared.a.n}`, `v${compared.b.n}`]}
                position={wipe}
                onMove={(p) => setWipe(clamp(p))}
              />
            )}
            {mode === 'diff' && <DiffFrame compared={compared} />}
          </div>
          <VersionFacts a={compared.a} b={compared.b} />
        </>
      )}
      <button
        type="button"
        className="loupe-close"
        aria-label="Close (Escape)"
        title="Close (Escape)"
        onClick={onClose}
      >
        ×
      </button>
    </div>
  );
}

function SideFrame({ side, src }: { side: VersionSide; src: string | null }) {
  return (
    <figure className="compare-frame" data-testid="version-compare-frame" data-n={side.n}>
      <div className="compare-image">
        {src !== null ? (
          <img src={src} alt={`Version ${side.n}`} draggable={false} />
        ) : (
          <span className="version-compare-missing">No image kept for v{side.n}</span>
        )}
      </div>
      <figcaption>
        <span className="compare-name">
          v{side.n}
          {side.current ? ' (current)' : ''}
        </span>
      </figcaption>
    </figure>
  );
}

/** Its preview (rendered from its own bytes by the compare), else its thumbnail. */
function sideImage(client: Client, side: VersionSide): string | null {
  if (side.preview) return client.previewUrl(side.hash);
  return side.thumbnail ? client.thumbUrl(side.hash) : null;
}

function DiffFrame({ compared }: { compared: VersionCompare }) {
  const { client } = useServices();
  const { diff } = compared;
  if (diff.key === null)
    return (
      <p className="version-compare-missing" data-testid="version-compare-no-diff">
        {diff.reason ?? 'No pixel difference'}
      </p>
    );
  const share = diff.changedShare ?? 0;
  return (
    <figure className="compare-frame version-diff">
      <div className="compare-image">
        <img
          src={client.diffUrl(diff.key)}
          alt={`Pixel difference of v${compared.a.n} and v${compared.b.n}`}
          data-testid="version-compare-diff"
          draggable={false}
        />
      </div>
      <figcaption data-testid="version-compare-diff-figures">
        {share === 0
          ? 'No pixel differs'
          : `${formatShare(share)} of pixels differ, mean difference ${(diff.meanDifference ?? 0).toFixed(1)} of 255`}
        {' (differences amplified 4×)'}
      </figcaption>
    </figure>
  );
}

function formatShare(share: number): string {
  const percent = share * 100;
  return `${percent < 0.1 ? '<0.1' : percent.toFixed(percent < 10 ? 1 : 0)}%`;
}

function clamp(p: number): number {
  return Math.min(100, Math.max(0, p));
}

// The loupe's before/after for a white background: a toggle that asks the engine for the
// preview with its near-white studio backdrop made pure white (previews.whiteBackground,
// the white-background render option's pass) and lays it over the original, split where
// the slider says (before on the left, after on the right). Keep the shadow or not. Fit
// zoom only: both pictures are contained in the same box, so they line up pixel for pixel.
import { useEffect, useState } from 'react';
import type { Asset, WhiteBackgroundPreview } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import type { LoupeZoom } from '../../store/loupe-store';

/** An answer, for the shadow choice it was asked with (another choice is still loading). */
type Cleaned = { keepShadow: boolean } & (
  { status: 'ready'; answer: WhiteBackgroundPreview } | { status: 'failed'; message: string }
);

export function LoupeWhiteBackground({ asset, zoom }: { asset: Asset; zoom: LoupeZoom }) {
  const { client, stores } = useServices();
  const [on, setOn] = useState(false);
  const [keepShadow, setKeepShadow] = useState(true);
  const [split, setSplit] = useState(50);
  const [cleaned, setCleaned] = useState<Cleaned | null>(null);

  useEffect(() => {
    if (!on) return;
    let live = true;
    client.call('previews.whiteBackground', { id: asset.id, keepShadow }).then(
      (answer) => live && setCleaned({ keepShadow, status: 'ready', answer }),
      (error: unknown) =>
        live &&
        setCleaned({
          keepShadow,
          status: 'failed',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return () => {
      live = false;
    };
  }, [client, asset.id, keepShadow, on]);

  const toggle = (): void => {
    // The comparison lines up in fit only.
    if (!on && zoom !== 'fit') stores.loupe.getState().toggleZoom();
    setOn(!on);
  };
  const current = cleaned?.keepShadow === keepShadow ? cleaned : null;
  const key = current?.status === 'ready' ? current.answer.key : null;
  const why =
    current?.status === 'ready'
      ? current.answer.reason
      : current?.status === 'failed'
        ? `The white background could not be made: ${current.message}`
        : null;

  return (
    <>
      {on && key !== null && zoom === 'fit' && (
        <div className="loupe-whitebg" data-testid="loupe-whitebg">
          <img
            className="loupe-whitebg-after"
            data-testid="loupe-whitebg-image"
            src={client.whiteBgUrl(key)}
            alt={`${asset.name} on pure white`}
            draggable={false}
            // Only the right of the split shows the cleaned picture.
            style={{ clipPath: `inset(0 0 0 ${split}%)` }}
          />
          <div className="loupe-whitebg-divider" style={{ left: `${split}%` }} />
        </div>
      )}
      <div className="loupe-whitebg-bar">
        <button
          type="button"
          className="loupe-whitebg-toggle"
          data-testid="loupe-whitebg-toggle"
          aria-pressed={on}
          title="Compare with the background made pure white (as the white-background render option makes it)"
          onClick={toggle}
        >
          White background
        </button>
        {on && (
          <>
            <label className="loupe-whitebg-shadow">
              <input
                type="checkbox"
                data-testid="loupe-whitebg-shadow"
                checked={keepShadow}
                onChange={(e) => setKeepShadow(e.currentTarget.checked)}
              />
              Keep the shadow
            </label>
            {key !== null && (
              <label className="loupe-whitebg-split">
                <span>Before</span>
                <input
                  type="range"
                  min={0}
                  max={100}
                  value={split}
                  data-testid="loupe-whitebg-split"
                  aria-label="Where the split between before and after lies"
                  onChange={(e) => setSplit(Number(e.currentTarget.value))}
                />
                <span>After</span>
              </label>
            )}
            {current === null && (
              <span
                className="spinner"
                data-testid="loupe-whitebg-spinner"
                role="status"
                aria-label="Making the background white"
              />
            )}
            {why !== null && (
              <span
                className="loupe-whitebg-reason"
                data-testid="loupe-whitebg-reason"
                role="status"
              >
                {why}
              </span>
            )}
          </>
        )}
      </div>
    </>
  );
}

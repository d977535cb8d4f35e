// The focal point in the loupe: a marker where it is set, a "Set focal point" mode in which
// a click on the picture sets it (instead of zooming), and Clear. Shown at fit zoom only,
// where the whole picture is on screen.
import { useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import type { LoupeZoom } from '../../store/loupe-store';
import { useRenditions } from '../../store-hooks';
import { FocalPointLayer } from './FocalPointLayer';

export function LoupeFocalPoint({ asset, zoom }: { asset: Asset; zoom: LoupeZoom }) {
  const { stores } = useServices();
  const [picking, setPicking] = useState(false);
  const focus = useRenditions((s) => s.entries.get(asset.id)?.focus ?? null);
  // The preview is rendered upright, so the picture's shape is the oriented (display) one.
  const width = asset.displayWidth ?? asset.width;
  const height = asset.displayHeight ?? asset.height;
  const known = width !== null && height !== null && width > 0 && height > 0;

  useEffect(() => {
    void stores.renditions.getState().ensure(asset.id);
  }, [stores, asset.id]);

  if (!known || zoom !== 'fit') return null;
  return (
    <>
      <FocalPointLayer
        image={{ width, height }}
        focus={focus}
        picking={picking}
        onPick={(point) => {
          setPicking(false);
          void stores.renditions.getState().setFocus(asset.id, point);
        }}
      />
      <div className="loupe-focus-tools">
        <button
          type="button"
          data-testid="focus-mode"
          aria-pressed={picking}
          title="Then click the point that crops must keep in view"
          onClick={() => setPicking((on) => !on)}
        >
          {picking ? 'Click the picture…' : 'Set focal point'}
        </button>
        {focus !== null && (
          <button
            type="button"
            data-testid="focus-clear"
            onClick={() => void stores.renditions.getState().setFocus(asset.id, null)}
          >
            Clear focal point
          </button>
        )}
      </div>
    </>
  );
}

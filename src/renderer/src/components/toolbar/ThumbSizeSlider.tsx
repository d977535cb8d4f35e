// How big thumbnails are: the smallest cell width; the grid fits as many columns as it can.
import { useServices } from '../../app-context';
import { THUMB_SIZE } from '../../store/prefs-store';
import { usePrefs } from '../../store-hooks';

export function ThumbSizeSlider() {
  const { stores } = useServices();
  const size = usePrefs((s) => s.thumbSize);
  return (
    <label className="toolbar-field thumb-size">
      <span aria-hidden="true" className="thumb-size-icon is-small" />
      <input
        type="range"
        data-testid="thumb-size-slider"
        aria-label="Thumbnail size"
        aria-valuetext={`${size} pixels`}
        min={THUMB_SIZE.min}
        max={THUMB_SIZE.max}
        step={THUMB_SIZE.step}
        value={size}
        onChange={(e) => stores.prefs.getState().setThumbSize(Number(e.target.value))}
      />
      <span aria-hidden="true" className="thumb-size-icon is-large" />
    </label>
  );
}

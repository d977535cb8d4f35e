// A cell's culling marks over the thumbnail: stars, pick / reject flag, colour label.
import type { Asset } from '../../../../shared/dto';
import { FLAG_TEXT, LABEL_TEXT, stars } from './culling-format';

export function CullingBadges({ asset }: { asset: Asset }) {
  if (asset.rating === 0 && asset.flag === 'none' && asset.label === null) return null;
  return (
    <div className="cull-badges">
      {asset.flag !== 'none' && (
        <span
          className={`cull-flag is-${asset.flag}`}
          data-testid="cell-flag"
          data-flag={asset.flag}
          title={FLAG_TEXT[asset.flag]}
        >
          {asset.flag === 'pick' ? '⚑' : '✕'}
        </span>
      )}
      {asset.rating > 0 && (
        <span
          className="cull-stars"
          data-testid="cell-rating"
          title={`${asset.rating} of 5 stars`}
          aria-label={`${asset.rating} stars`}
        >
          {stars(asset.rating)}
        </span>
      )}
      {asset.label !== null && (
        <span
          className={`cull-label is-${asset.label}`}
          data-testid="cell-label"
          data-label={asset.label}
          title={`${LABEL_TEXT[asset.label]} label`}
        />
      )}
    </div>
  );
}

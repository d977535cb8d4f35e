// The preview panel's culling line: stars, flag and colour label of the selected asset.
import type { Asset } from '../../../../shared/dto';
import { FLAG_TEXT, LABEL_TEXT, stars } from './culling-format';

export function CullingFacts({ asset }: { asset: Asset }) {
  return (
    <p className="preview-culling" data-testid="preview-culling">
      <span
        className={`cull-stars${asset.rating === 0 ? ' is-none' : ''}`}
        data-testid="preview-stars"
        data-rating={asset.rating}
        title="Rating (keys 0–5)"
      >
        {asset.rating > 0 ? stars(asset.rating) : 'No stars'}
      </span>
      <span
        className={`cull-flag is-${asset.flag}`}
        data-testid="preview-flag"
        data-flag={asset.flag}
        title="Flag (P pick, X reject, U unflag)"
      >
        {FLAG_TEXT[asset.flag]}
      </span>
      {asset.label !== null && (
        <span className="cull-label-text" data-testid="preview-label" data-label={asset.label}>
          <span className={`cull-label is-${asset.label}`} aria-hidden="true" />
          {LABEL_TEXT[asset.label]}
        </span>
      )}
    </p>
  );
}

// A linked asset's picture on the board: its thumbnail, its ThumbHash placeholder, or a
// word for what it is (a manual, a video) when it has no picture.
import type { ProductLink } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';
import { placeholderUrl } from '../../../media/placeholder-url';

export function LinkThumb({
  link,
}: {
  link: Pick<ProductLink, 'thumb' | 'hash' | 'placeholder' | 'name' | 'state'>;
}) {
  const { client } = useServices();
  const src =
    link.thumb === 'ready' && link.hash !== null
      ? client.thumbUrl(link.hash)
      : placeholderUrl(link.placeholder);
  return (
    <span className={`link-thumb${link.state === 'missing' ? ' is-missing' : ''}`}>
      {src !== null ? (
        <img src={src} alt="" draggable={false} loading="lazy" />
      ) : (
        <span className="link-thumb-label">{extensionOf(link.name)}</span>
      )}
    </span>
  );
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toUpperCase() : 'FILE';
}

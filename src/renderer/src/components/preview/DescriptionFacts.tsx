// What people wrote about the picture (IPTC/XMP): title, description, keywords, rights,
// rating and label.
import type { Asset, AssetMetadata } from '../../../../shared/dto';
import { formatKeywordPath } from '../../format/keywords';
import { formatRating } from '../../format/rating';
import { Fact } from './Fact';

export function DescriptionFacts({ asset, meta }: { asset: Asset; meta: AssetMetadata | null }) {
  // As the file states them; the tags Packshot holds (editable) are listed apart.
  const keywords = meta?.keywords ?? asset.keywords ?? [];
  const hierarchical = meta?.hierarchicalKeywords ?? [];
  return (
    <>
      <Fact label="Title" testId="preview-title">
        {meta?.title}
      </Fact>
      <Fact label="Description" testId="preview-description" className="preview-prose">
        {meta?.description}
      </Fact>
      <Fact label="Keywords in the file" testId="preview-keywords">
        {keywords.length > 0 ? <Chips items={keywords} /> : null}
      </Fact>
      <Fact label="Keyword paths in the file" testId="preview-hierarchical-keywords">
        {hierarchical.length > 0 ? <Chips items={hierarchical.map(formatKeywordPath)} /> : null}
      </Fact>
      <Fact label="Creator" testId="preview-creator">
        {meta?.creator}
      </Fact>
      <Fact label="Copyright" testId="preview-copyright">
        {meta?.copyright}
      </Fact>
      <Fact label="Usage terms" testId="preview-usage-terms" className="preview-prose">
        {meta?.usageTerms}
      </Fact>
      <Fact label="Rating" testId="preview-rating">
        {meta !== null && meta.rating !== null ? formatRating(meta.rating) : null}
      </Fact>
      <Fact label="Label" testId="preview-label">
        {meta?.label}
      </Fact>
    </>
  );
}

function Chips({ items }: { items: readonly string[] }) {
  return (
    <ul className="chips">
      {items.map((item) => (
        <li key={item} className="chip">
          {item}
        </li>
      ))}
    </ul>
  );
}

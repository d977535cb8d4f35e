// The selected asset's keywords in the preview panel, each with × to remove it (one
// undoable step).
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { formatKeywordPath } from '../../format/keywords';
import { useTags } from '../../store-hooks';
import { useEffect } from 'react';

export function PreviewKeywords({ asset, keywords }: { asset: Asset; keywords: string[] }) {
  const { stores } = useServices();
  const tags = useTags((s) => s.tags);
  useEffect(() => stores.tags.getState().ensureLoaded(), [stores]);
  if (keywords.length === 0) return null;
  const byPath = new Map(tags.map((t) => [t.path.toLowerCase(), t]));

  return (
    <section className="preview-section" aria-label="Tags">
      <h3 className="preview-heading">Tags</h3>
      <ul className="keyword-chips" data-testid="preview-tag-list">
        {keywords.map((path) => {
          const tag = byPath.get(path.toLowerCase());
          return (
            <li key={path} className="keyword-chip" data-testid="preview-tag" data-path={path}>
              <span>{formatKeywordPath(path)}</span>
              {tag !== undefined && (
                <button
                  type="button"
                  aria-label={`Remove ${path}`}
                  title="Remove this keyword"
                  onClick={() =>
                    void stores.edits.getState().untag({ kind: 'ids', ids: [asset.id] }, tag)
                  }
                >
                  ×
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

// Near-duplicates and bursts (bursts.list), each group's frames with its best one
// marked, and "Keep best": picks it and rejects the rest, as one undoable step.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SimilarGroup } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { useAssetById } from '../compare/use-asset-by-id';
import { CullingBadges } from './CullingBadges';

/** Groups and frames shown at once; the rest are counted. */
const MAX_GROUPS = 40;
const MAX_FRAMES = 8;

export function SimilarGroupsDialog({ onClose }: { onClose: () => void }) {
  const { client, stores } = useServices();
  const [groups, setGroups] = useState<SimilarGroup[] | null>(null);
  const [kept, setKept] = useState<ReadonlySet<number>>(new Set());
  const rootRef = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => rootRef.current?.focus(), []);

  useEffect(() => {
    let current = true;
    client.call('bursts.list', {}).then(
      (found) => {
        if (current) setGroups(found);
      },
      (cause: unknown) => {
        if (current) setGroups([]);
        stores.notices.getState().report('Could not find similar frames', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [client, stores]);

  const keepBest = async (group: number): Promise<void> => {
    const result = await stores.edits
      .getState()
      .run('Could not keep the best frame', () => client.call('bursts.keepBest', { group }));
    if (result !== null) setKept(new Set([...kept, group]));
  };

  return (
    <div className="dialog-backdrop" onMouseDown={onClose}>
      <div
        ref={rootRef}
        className="dialog is-wide similar-dialog"
        role="dialog"
        aria-modal="true"
        aria-label="Bursts and duplicates"
        data-testid="similar-dialog"
        tabIndex={-1}
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <header className="dialog-header">
          <h3 className="dialog-title">Bursts and duplicates</h3>
          <button type="button" aria-label="Close" onClick={onClose}>
            ×
          </button>
        </header>
        {groups === null && <p className="dim">Looking for similar frames…</p>}
        {groups?.length === 0 && (
          <p className="dim">No similar frames found (analysis runs after indexing).</p>
        )}
        <ol className="similar-groups">
          {groups?.slice(0, MAX_GROUPS).map((g) => (
            <li key={g.group} className="similar-group" data-testid="similar-group">
              <div className="similar-frames">
                {g.ids.slice(0, MAX_FRAMES).map((id) => (
                  <SimilarFrame key={id} id={id} best={id === g.best} />
                ))}
                {g.ids.length > MAX_FRAMES && (
                  <span className="dim">+{g.ids.length - MAX_FRAMES}</span>
                )}
              </div>
              <button
                type="button"
                data-testid="keep-best"
                title="Pick the best frame and reject the others (undoable)"
                onClick={() => void keepBest(g.group)}
              >
                {kept.has(g.group) ? 'Kept ✓' : 'Keep best'}
              </button>
            </li>
          ))}
        </ol>
        {groups !== null && groups.length > MAX_GROUPS && (
          <p className="dim">{groups.length - MAX_GROUPS} more groups not shown.</p>
        )}
      </div>
    </div>
  );
}

function SimilarFrame({ id, best }: { id: number; best: boolean }) {
  const { client } = useServices();
  const asset = useAssetById(id);
  const src = asset?.thumb === 'ready' && asset.hash !== null ? client.thumbUrl(asset.hash) : null;
  return (
    <figure className={`similar-frame${best ? ' is-best' : ''}`} title={asset?.name}>
      {src !== null && <img src={src} alt={asset?.name ?? ''} decoding="async" />}
      {asset !== undefined && <CullingBadges asset={asset} />}
      {best && <figcaption>Best</figcaption>}
    </figure>
  );
}

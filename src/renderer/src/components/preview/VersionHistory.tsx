// The contents this asset has had at its path (versions.list), newest first: each with its
// thumbnail, size, dimensions, hash and how it is kept; restore one, compare one with the
// current content, or replace the file (the button, or a file dropped on this section).
import { useCallback, useRef, useState, type DragEvent } from 'react';
import type { Asset } from '../../../../shared/dto';
import { VersionCompareView } from '../versions/VersionCompareView';
import { VersionRow } from '../versions/VersionRow';
import { useVersions } from '../versions/use-versions';

export function VersionHistory({ asset }: { asset: Asset }) {
  const { list, busy, restore, replace } = useVersions(asset);
  const [comparing, setComparing] = useState<{ a: number; b: number } | null>(null);
  const [dragging, setDragging] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const closeCompare = useCallback(() => setComparing(null), []);
  if (list === null || list.versions.length === 0) return null;
  const { versions } = list;
  const current = versions.find((v) => v.current) ?? null;
  const newestFirst = [...versions].reverse();
  const hasFiles = (e: DragEvent) => [...e.dataTransfer.types].includes('Files');
  const onDrop = (event: DragEvent<HTMLElement>) => {
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (!hasFiles(event) || file === undefined) return;
    event.preventDefault();
    event.stopPropagation();
    void replace(file);
  };

  return (
    <section
      className={`preview-section versions${dragging ? ' is-drop-target' : ''}`}
      aria-label="Version history"
      data-testid="versions"
      onDragOver={(e) => {
        if (!hasFiles(e)) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <h3 className="preview-heading">
        {versions.length === 1 ? 'Version' : `Versions (${versions.length})`}
      </h3>
      <ol className="version-list" data-testid="preview-history">
        {newestFirst.map((v) => (
          <VersionRow
            key={v.n}
            version={v}
            next={versions.length + 1}
            busy={busy}
            onRestore={() => void restore(v.n)}
            onCompare={
              current !== null && !v.current ? () => setComparing({ a: v.n, b: current.n }) : null
            }
          />
        ))}
      </ol>
      <p className="versions-note" data-testid="versions-clones">
        {list.clones === true
          ? 'This volume clones files for free: originals overwritten outside Packshot can be restored too.'
          : 'Replacing a file here keeps its old bytes; an overwrite from outside Packshot is kept only where the volume can clone files (APFS, Btrfs, XFS).'}
      </p>
      <div className="versions-replace">
        <button
          type="button"
          data-testid="versions-replace"
          disabled={busy || asset.state === 'missing'}
          title="Write another file’s bytes over this one, as a new version (or drop a file here)"
          onClick={() => input.current?.click()}
        >
          {busy ? 'Working…' : 'Replace file…'}
        </button>
        <input
          ref={input}
          type="file"
          hidden
          data-testid="versions-replace-input"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file !== undefined) void replace(file);
          }}
        />
      </div>
      {comparing !== null && (
        <VersionCompareView
          id={asset.id}
          versions={versions}
          first={comparing}
          onClose={closeCompare}
        />
      )}
    </section>
  );
}

// The sidebar's keyword tree (tags.list by parent, with counts): click to search, rename,
// move (drag onto another keyword, or "Move to…"), merge, and import a keyword list.
import { useEffect, useState } from 'react';
import type { Tag } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { useAssets, useTags } from '../../store-hooks';
import { untagSelection } from '../culling/culling-actions';
import { KeywordImport } from './KeywordImport';
import { KeywordRow, TAG_DRAG_TYPE } from './KeywordRow';
import { branchIds, buildTagTree, type TagNode } from './tag-tree';
import { mergeTag, moveTag, renameTag } from './tag-edits';
import { TagPickerDialog } from './TagPickerDialog';
import { tagQuery } from './tag-query';

type Picking = { mode: 'move' | 'merge'; tag: Tag } | null;

export function KeywordPanel() {
  const services = useServices();
  const { stores } = services;
  const tags = useTags((s) => s.tags);
  const status = useTags((s) => s.status);
  const query = useAssets((s) => s.view.query);
  const [open, setOpen] = useState(true);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [picking, setPicking] = useState<Picking>(null);

  useEffect(() => stores.tags.getState().ensureLoaded(), [stores]);

  const tree = buildTagTree(tags);
  const byId = new Map(tags.map((t) => [t.id, t]));
  const toggle = (id: number): void => {
    const next = new Set(expanded);
    if (!next.delete(id)) next.add(id);
    setExpanded(next);
  };

  const rows: Array<{ node: TagNode; depth: number }> = [];
  const walk = (nodes: TagNode[], depth: number): void => {
    for (const node of nodes) {
      rows.push({ node, depth });
      if (expanded.has(node.tag.id)) walk(node.children, depth + 1);
    }
  };
  walk(tree, 0);

  const sorted = [...tags].sort((a, b) => a.path.localeCompare(b.path));
  const choicesFor = (p: NonNullable<Picking>): Tag[] => {
    const excluded = p.mode === 'move' ? branchIds(tags, p.tag.id) : new Set([p.tag.id]);
    return sorted.filter((t) => !excluded.has(t.id));
  };

  return (
    <section className="keyword-panel" aria-label="Keywords" data-testid="keyword-panel">
      <h3 className="sidebar-heading">
        <button
          type="button"
          className="section-toggle"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? '▾' : '▸'} Keywords
        </button>
      </h3>
      {open && (
        <>
          {status === 'ready' && tags.length === 0 && (
            <p className="dim keyword-empty">No keywords yet. Tag a selection, or import a list.</p>
          )}
          <div
            className="keyword-tree"
            role="tree"
            aria-label="Keywords"
            onDragOver={(e) => {
              if (e.target === e.currentTarget && e.dataTransfer.types.includes(TAG_DRAG_TYPE))
                e.preventDefault();
            }}
            onDrop={(e) => {
              // Dropped on the tree's empty space: to the top level.
              if (e.target !== e.currentTarget) return;
              const dragged = Number(e.dataTransfer.getData(TAG_DRAG_TYPE));
              if (byId.get(dragged)?.parentId) void moveTag(services, dragged, 0);
            }}
          >
            {rows.map(({ node, depth }) => (
              <KeywordRow
                key={node.tag.id}
                node={node}
                depth={depth}
                expanded={expanded.has(node.tag.id)}
                active={query === tagQuery(node.tag.path)}
                onToggle={toggle}
                onSearch={(path) => stores.assets.getState().setView({ query: tagQuery(path) })}
                onRename={(id, name) => void renameTag(services, id, name)}
                onMoveTo={(id) => {
                  const tag = byId.get(id);
                  if (tag !== undefined) setPicking({ mode: 'move', tag });
                }}
                onRemoveFromSelection={(id) => {
                  const tag = byId.get(id);
                  if (tag !== undefined) void untagSelection(services, tag);
                }}
                onMergeInto={(id) => {
                  const tag = byId.get(id);
                  if (tag !== undefined) setPicking({ mode: 'merge', tag });
                }}
                onDropTag={(dragged, target) => {
                  if (!branchIds(tags, dragged).has(target))
                    void moveTag(services, dragged, target);
                }}
              />
            ))}
          </div>
          <KeywordImport />
        </>
      )}
      {picking !== null && (
        <TagPickerDialog
          title={
            picking.mode === 'move'
              ? `Move “${picking.tag.name}” to…`
              : `Merge “${picking.tag.name}” into…`
          }
          choices={choicesFor(picking)}
          allowTop={picking.mode === 'move' && picking.tag.parentId !== 0}
          confirmLabel={picking.mode === 'move' ? 'Move' : 'Merge'}
          onConfirm={(id) =>
            void (picking.mode === 'move'
              ? moveTag(services, picking.tag.id, id)
              : mergeTag(services, picking.tag.id, id))
          }
          onClose={() => setPicking(null)}
        />
      )}
    </section>
  );
}

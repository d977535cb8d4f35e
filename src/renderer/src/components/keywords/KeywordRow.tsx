// One keyword in the tree: expander, name (a click searches for it), count, and its
// actions: rename in place, move and merge (a drag onto another keyword moves it too), and
// remove from the selected frames.
import { useState, type DragEvent, type KeyboardEvent } from 'react';
import type { TagNode } from './tag-tree';

export const TAG_DRAG_TYPE = 'application/x-packshot-tag';

export interface KeywordRowProps {
  node: TagNode;
  depth: number;
  expanded: boolean;
  active: boolean;
  onToggle: (id: number) => void;
  onSearch: (path: string) => void;
  onRename: (id: number, name: string) => void;
  onMoveTo: (id: number) => void;
  onMergeInto: (id: number) => void;
  /** Takes this keyword off the selected frames. */
  onRemoveFromSelection: (id: number) => void;
  /** A keyword dropped onto this one. */
  onDropTag: (dragged: number, target: number) => void;
}

export function KeywordRow(props: KeywordRowProps) {
  const { node, depth, expanded, active } = props;
  const { tag } = node;
  const [renaming, setRenaming] = useState(false);
  const [dropping, setDropping] = useState(false);
  const hasChildren = node.children.length > 0;

  const onDragOver = (event: DragEvent): void => {
    if (!event.dataTransfer.types.includes(TAG_DRAG_TYPE)) return;
    event.preventDefault();
    setDropping(true);
  };
  const onDrop = (event: DragEvent): void => {
    setDropping(false);
    const dragged = Number(event.dataTransfer.getData(TAG_DRAG_TYPE));
    if (!Number.isInteger(dragged) || dragged <= 0 || dragged === tag.id) return;
    event.preventDefault();
    props.onDropTag(dragged, tag.id);
  };

  return (
    <div
      className={`keyword-row${active ? ' is-active' : ''}${dropping ? ' is-drop-target' : ''}`}
      role="treeitem"
      aria-level={depth + 1}
      aria-expanded={hasChildren ? expanded : undefined}
      data-testid="keyword-row"
      data-path={tag.path}
      data-tag-id={tag.id}
      style={{ paddingLeft: 6 + depth * 14 }}
      draggable={!renaming}
      onDragStart={(e) => {
        e.dataTransfer.setData(TAG_DRAG_TYPE, String(tag.id));
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={onDragOver}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      {hasChildren ? (
        <button
          type="button"
          className="disclosure"
          aria-label={`${expanded ? 'Hide' : 'Show'} keywords in ${tag.name}`}
          onClick={() => props.onToggle(tag.id)}
        >
          <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>
        </button>
      ) : (
        <span className="disclosure-spacer" />
      )}
      {renaming ? (
        <RenameField
          name={tag.name}
          onDone={(name) => {
            setRenaming(false);
            if (name !== null && name !== tag.name) props.onRename(tag.id, name);
          }}
        />
      ) : (
        <button
          type="button"
          className="keyword-name"
          data-testid="keyword-name"
          title={`Show media tagged ${tag.path}`}
          onClick={() => props.onSearch(tag.path)}
          onDoubleClick={() => setRenaming(true)}
        >
          {tag.name}
        </button>
      )}
      <span
        className="tag-count"
        data-testid="keyword-count"
        title={`${tag.count} tagged ${tag.name} itself`}
      >
        {tag.count}
      </span>
      <span className="keyword-actions">
        <button
          type="button"
          title="Rename"
          aria-label={`Rename ${tag.name}`}
          onClick={() => setRenaming(true)}
        >
          ✎
        </button>
        <button
          type="button"
          title="Move to…"
          aria-label={`Move ${tag.name} to…`}
          onClick={() => props.onMoveTo(tag.id)}
        >
          ⇢
        </button>
        <button
          type="button"
          title="Merge into…"
          aria-label={`Merge ${tag.name} into…`}
          onClick={() => props.onMergeInto(tag.id)}
        >
          ⤵
        </button>
        <button
          type="button"
          title="Remove from the selected frames"
          aria-label={`Remove ${tag.name} from the selection`}
          onClick={() => props.onRemoveFromSelection(tag.id)}
        >
          ⊖
        </button>
      </span>
    </div>
  );
}

function RenameField({ name, onDone }: { name: string; onDone: (name: string | null) => void }) {
  const [text, setText] = useState(name);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Enter') onDone(text.trim() === '' ? null : text.trim());
    else if (event.key === 'Escape') onDone(null);
    else return;
    event.preventDefault();
  };
  return (
    <input
      className="keyword-rename"
      data-testid="keyword-rename"
      aria-label={`New name for ${name}`}
      autoFocus
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => onDone(null)}
    />
  );
}

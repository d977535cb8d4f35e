// The culling row of the grid toolbar: undo / redo, how many frames are selected, hide
// rejects, auto-advance, compare, bursts and duplicates, and the keyword input that tags
// the selection.
import { useState } from 'react';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { selectedCount } from '../../store/selection-store';
import { useAssets, usePrefs, useSelection } from '../../store-hooks';
import { TagInput } from '../keywords/TagInput';
import { SimilarGroupsDialog } from './SimilarGroupsDialog';
import { compareSelection, tagSelection } from './culling-actions';
import { UndoRedo } from './UndoRedo';

export function CullingBar() {
  const services = useServices();
  const { stores } = services;
  const total = useAssets((s) => s.total);
  const hideRejects = useAssets((s) => s.view.hideRejects);
  const count = useSelection((s) => selectedCount(s, total));
  const canCompare = useSelection((s) => !s.all && s.ids.size >= 2);
  const autoAdvance = usePrefs((s) => s.autoAdvance);
  const [similarOpen, setSimilarOpen] = useState(false);

  return (
    <div className="toolbar-row culling-bar" data-testid="culling-bar">
      <UndoRedo />
      <span className="grid-count" data-testid="selection-count">
        {count > 1 ? `${formatCount(count)} selected` : ''}
      </span>
      <label className="toolbar-field" title="Leave rejected frames out of the list">
        <input
          type="checkbox"
          data-testid="hide-rejects"
          checked={hideRejects}
          onChange={(e) => stores.assets.getState().setView({ hideRejects: e.target.checked })}
        />
        Hide rejects
      </label>
      <label className="toolbar-field" title="After a rating or flag, move to the next frame">
        <input
          type="checkbox"
          data-testid="auto-advance"
          checked={autoAdvance}
          onChange={(e) => stores.prefs.getState().setAutoAdvance(e.target.checked)}
        />
        Auto-advance
      </label>
      <button
        type="button"
        data-testid="compare-button"
        disabled={!canCompare}
        title="Compare the selected frames side by side (C)"
        onClick={() => compareSelection(services)}
      >
        Compare
      </button>
      <button
        type="button"
        data-testid="similar-button"
        title="Near-duplicates and bursts, with the best frame of each"
        onClick={() => setSimilarOpen(true)}
      >
        Bursts & duplicates
      </button>
      <span className="toolbar-spacer" />
      <TagInput disabled={count === 0} onPick={(path) => void tagSelection(services, path)} />
      {similarOpen && <SimilarGroupsDialog onClose={() => setSimilarOpen(false)} />}
    </div>
  );
}

// The suggested tags of the asset shown (pending, at or above the threshold): accept or
// reject one, or all of them. Accepting adds the tag as one undoable step; rejecting keeps
// a later run from suggesting it again. Decisions show at once and are read again after.
import type { AiSuggestion, AssetAi } from '../../../../shared/ai-dto';
import { useServices } from '../../app-context';
import { formatConfidence, tagLeaf } from './ai-format';

type Verb = 'accept' | 'reject';

interface Props {
  assetId: number;
  suggestions: readonly AiSuggestion[];
  patch: (change: (ai: AssetAi) => AssetAi) => void;
  reload: () => void;
}

export function AiSuggestions({ assetId, suggestions, patch, reload }: Props) {
  const { client, stores } = useServices();
  if (suggestions.length === 0) return null;

  /** The user decides on what they see: the paths shown, never "whatever is pending now". */
  const decide = async (verb: Verb, tagPaths: string[]): Promise<void> => {
    const state = verb === 'accept' ? 'accepted' : 'rejected';
    patch((ai) => ({
      ...ai,
      suggestions: ai.suggestions.map((s) =>
        s.state === 'pending' && tagPaths.includes(s.tagPath) ? { ...s, state } : s,
      ),
    }));
    const args = { assetIds: [assetId], tagPaths };
    try {
      if (verb === 'accept') {
        await client.call('suggestions.accept', args);
        // Accepting is an undo step: the Undo button names it.
        void stores.edits.getState().refresh();
      } else {
        await client.call('suggestions.reject', args);
      }
    } catch (cause) {
      stores.notices.getState().report(`Could not ${verb} the suggestion`, cause);
    }
    reload();
  };
  const all = suggestions.map((s) => s.tagPath);

  return (
    <div className="ai-block" role="group" aria-label="Suggested tags">
      <h4 className="ai-subheading">Suggested tags</h4>
      <ul className="ai-suggestions" data-testid="ai-suggestions">
        {suggestions.map((s) => (
          <li
            key={s.tagPath}
            className="ai-suggestion"
            data-testid="ai-suggestion"
            title={s.tagPath}
          >
            <span className="ai-suggestion-name">{tagLeaf(s.tagPath)}</span>
            <span className="ai-confidence">{formatConfidence(s.confidence)}</span>
            <button
              type="button"
              aria-label={`Accept tag ${s.tagPath}`}
              onClick={() => void decide('accept', [s.tagPath])}
            >
              Accept
            </button>
            <button
              type="button"
              aria-label={`Reject tag ${s.tagPath}`}
              onClick={() => void decide('reject', [s.tagPath])}
            >
              Reject
            </button>
          </li>
        ))}
      </ul>
      {suggestions.length > 1 && (
        <div className="ai-actions">
          <button
            type="button"
            data-testid="ai-accept-all"
            aria-label={`Accept all ${suggestions.length} suggested tags`}
            onClick={() => void decide('accept', all)}
          >
            Accept all
          </button>
          <button
            type="button"
            data-testid="ai-reject-all"
            aria-label={`Reject all ${suggestions.length} suggested tags`}
            onClick={() => void decide('reject', all)}
          >
            Reject all
          </button>
        </div>
      )}
    </div>
  );
}

// Products whose SKU the OCR read in the image, offered as links until decided: accepting
// is the ordinary (undoable) link edit; rejecting keeps it from being offered again.
import type { AiLinkSuggestion, AssetAi } from '../../../../shared/ai-dto';
import { useServices } from '../../app-context';

interface Props {
  assetId: number;
  links: readonly AiLinkSuggestion[];
  patch: (change: (ai: AssetAi) => AssetAi) => void;
  reload: () => void;
}

export function AiLinkSuggestions({ assetId, links, patch, reload }: Props) {
  const { client, stores } = useServices();
  if (links.length === 0) return null;

  const decide = async (link: AiLinkSuggestion, accept: boolean): Promise<void> => {
    const state = accept ? 'accepted' : 'rejected';
    patch((ai) => ({
      ...ai,
      links: ai.links.map((l) => (l.productId === link.productId ? { ...l, state } : l)),
    }));
    const pair = { assetId, productId: link.productId };
    try {
      if (accept) {
        await client.call('linkSuggestions.accept', pair);
        void stores.edits.getState().refresh();
      } else {
        await client.call('linkSuggestions.reject', pair);
      }
    } catch (cause) {
      stores.notices
        .getState()
        .report(`Could not ${accept ? 'link' : 'reject'} the product`, cause);
    }
    reload();
  };

  return (
    <div className="ai-block" role="group" aria-label="Suggested product links">
      <h4 className="ai-subheading">Suggested links</h4>
      <ul className="ai-links">
        {links.map((link) => (
          <li key={link.productId} className="ai-link" data-testid="ai-link">
            <span className="ai-link-text">
              SKU <strong>{link.sku}</strong> read in the image
              {link.matched !== link.sku && <> (“{link.matched}”)</>}: link to {link.productName}?
            </span>
            <span className="ai-actions">
              <button
                type="button"
                aria-label={`Link to ${link.productName} (${link.sku})`}
                onClick={() => void decide(link, true)}
              >
                Link
              </button>
              <button
                type="button"
                aria-label={`Do not link to ${link.productName} (${link.sku})`}
                onClick={() => void decide(link, false)}
              >
                Reject
              </button>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

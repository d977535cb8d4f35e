// The preview's AI section: what the offline models found in the asset shown (objects at or
// above the threshold, how many people, the text read), its suggested tags and product
// links to decide on, Analyse (this file only, as narrow as the search language allows) and
// More like this (the search like:<id>).
import { useEffect, useState } from 'react';
import { DEFAULT_AI_THRESHOLD, type AssetAi } from '../../../../shared/ai-dto';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { useAi } from '../../store-hooks';
import { formatConfidence, objectLines, peopleText, TASK_LABELS } from './ai-format';
import { AiLinkSuggestions } from './AiLinkSuggestions';
import { AiSuggestions } from './AiSuggestions';
import { useAssetAi } from './use-asset-ai';

export function AiPreviewSection({ asset }: { asset: Asset }) {
  const { stores } = useServices();
  const { ai, reload, patch } = useAssetAi(asset);
  const threshold = useAi((s) => s.status?.threshold ?? DEFAULT_AI_THRESHOLD);
  useEffect(() => stores.ai.getState().ensureLoaded(), [stores]);

  return (
    <section className="preview-section ai-section" aria-label="AI" data-testid="preview-ai">
      <h3 className="preview-heading">AI</h3>
      {ai === null ? (
        <p className="dim">Reading…</p>
      ) : (
        <>
          <Found ai={ai} threshold={threshold} />
          <AiSuggestions
            assetId={ai.assetId}
            suggestions={ai.suggestions.filter(
              (s) => s.state === 'pending' && s.confidence >= threshold,
            )}
            patch={patch}
            reload={reload}
          />
          <AiLinkSuggestions
            assetId={ai.assetId}
            links={ai.links.filter((l) => l.state === 'pending')}
            patch={patch}
            reload={reload}
          />
        </>
      )}
      <AnalyseButton asset={asset} ai={ai} />
    </section>
  );
}

function Found({ ai, threshold }: { ai: AssetAi; threshold: number }) {
  if (ai.runs.length === 0)
    return (
      <p className="dim" data-testid="ai-not-analysed">
        Not analysed yet.
      </p>
    );
  const lines = objectLines(ai.objects, threshold);
  const ran = new Set(ai.runs.map((r) => r.task));
  const named = [...new Set(ai.faces.flatMap((f) => (f.groupName !== null ? [f.groupName] : [])))];
  const failed = ai.runs.filter((r) => r.error !== null);
  return (
    <>
      {ai.runs.some((r) => !r.current) && (
        <p className="ai-note" data-testid="ai-stale">
          The file or a model changed since it was analysed: a run will do it again.
        </p>
      )}
      <dl className="preview-facts" data-testid="ai-found">
        {ran.has('objects') && (
          <>
            <dt>Objects</dt>
            <dd data-testid="ai-objects">
              {lines.length === 0 ? (
                <span className="dim">None above {formatConfidence(threshold)}</span>
              ) : (
                <ul className="chips">
                  {lines.map((l) => (
                    <li key={l.label} className="chip" data-testid="ai-object">
                      {l.label}
                      {l.count > 1 ? ` ×${l.count}` : ''} · {formatConfidence(l.confidence)}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </>
        )}
        {(ran.has('faces') || ran.has('objects')) && (
          <>
            <dt>People</dt>
            <dd data-testid="ai-people">
              {peopleText(ai.people)}
              {named.length > 0 && ` (${named.join(', ')})`}
            </dd>
          </>
        )}
        {ran.has('text') && (
          <>
            <dt>Text</dt>
            <dd className="preview-prose ai-text" data-testid="ai-text">
              {ai.text !== null && ai.text.text.trim() !== '' ? (
                ai.text.text
              ) : (
                <span className="dim">No text read</span>
              )}
            </dd>
          </>
        )}
      </dl>
      {failed.length > 0 && (
        <ul className="ai-errors" data-testid="ai-errors">
          {failed.map((r) => (
            <li key={r.task}>
              {TASK_LABELS[r.task]}: {r.error}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * Queues this file for the AI job: "Analyse" does what is due; once everything is current,
 * "Analyse again" runs the models anew (decisions on suggestions are kept).
 */
function AnalyseButton({ asset, ai }: { asset: Asset; ai: AssetAi | null }) {
  const { client, stores } = useServices();
  const [queued, setQueued] = useState(false);
  const again = ai !== null && ai.runs.length > 0 && ai.runs.every((r) => r.current);
  const run = async (): Promise<void> => {
    try {
      await client.call('analyses.run', {
        assetIds: [asset.id],
        ...(again ? { again: true } : {}),
      });
      setQueued(true);
      void stores.ai.getState().refresh();
    } catch (cause) {
      stores.notices.getState().report('Could not start the analysis', cause);
    }
  };
  return (
    <div className="ai-actions">
      <button type="button" data-testid="ai-analyse" onClick={() => void run()}>
        {again ? 'Analyse again' : 'Analyse'}
      </button>
      {/* Over the whole library; like: works without a model too (perceptual hash, colours). */}
      <button
        type="button"
        data-testid="ai-more-like-this"
        title={`Search like:${asset.id}`}
        onClick={() =>
          stores.assets.getState().setView({
            query: `like:${asset.id}`,
            catalogId: null,
            folder: null,
            collection: null,
          })
        }
      >
        More like this
      </button>
      {queued && (
        <span className="dim" role="status" data-testid="ai-queued">
          Queued: progress in Jobs.
        </span>
      )}
    </div>
  );
}

// The sidebar's AI section: how much of the library is analysed, Run all, Pause/Resume, the
// confidence threshold (a preference: what the preview, ai: and accept-all show), and which
// models are here, with the reason when one is not (no CLIP model dropped in).
import { useEffect, useRef, useState } from 'react';
import type { AiStatus } from '../../../../shared/ai-dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { useAi } from '../../store-hooks';
import { formatConfidence, TASK_LABELS } from './ai-format';
import { AiPauseButton } from './AiPauseButton';

export function AiStatusSection() {
  const { stores } = useServices();
  const status = useAi((s) => s.status);
  useEffect(() => stores.ai.getState().ensureLoaded(), [stores]);
  return (
    <section className="ai-status" aria-labelledby="ai-status-title" data-testid="ai-status">
      <h2 id="ai-status-title" className="sidebar-heading">
        AI
      </h2>
      {status === null ? (
        <p className="sidebar-hint">Reading the AI status…</p>
      ) : (
        <>
          <p className="ai-counts" data-testid="ai-counts">
            {formatCount(status.analysed)} analysed · {formatCount(status.pending)} to do
          </p>
          <div className="ai-actions">
            <button
              type="button"
              data-testid="ai-run-all"
              title="Analyse every file not yet analysed for its current content"
              onClick={() => void stores.ai.getState().runAll()}
            >
              Run all
            </button>
            <AiPauseButton />
          </div>
          {/* Keyed: a threshold set elsewhere (the CLI) replaces the draft. */}
          <ThresholdSlider key={status.threshold} threshold={status.threshold} />
          <Models models={status.models} />
        </>
      )}
    </section>
  );
}

/**
 * A change rewrites what every asset shows, so it is sent when the user lets go (the
 * native change event: pointer released, or each arrow key), not on every move.
 */
function ThresholdSlider({ threshold }: { threshold: number }) {
  const { stores } = useServices();
  const [draft, setDraft] = useState(Math.round(threshold * 100));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const element = input.current;
    if (element === null) return undefined;
    const commit = (): void => {
      const next = Number(element.value) / 100;
      if (Math.abs(next - threshold) > 1e-9) void stores.ai.getState().configure(next);
    };
    element.addEventListener('change', commit);
    return () => element.removeEventListener('change', commit);
  }, [threshold, stores]);
  return (
    <div className="ai-threshold">
      <label htmlFor="ai-threshold">Suggest from</label>
      <input
        ref={input}
        id="ai-threshold"
        type="range"
        min={5}
        max={95}
        step={5}
        value={draft}
        aria-valuetext={`${draft} % confidence`}
        onChange={(e) => setDraft(Number(e.target.value))}
      />
      <output htmlFor="ai-threshold" data-testid="ai-threshold-value">
        {formatConfidence(draft / 100)}
      </output>
    </div>
  );
}

function Models({ models }: { models: AiStatus['models'] }) {
  const here = models.filter((m) => m.available).length;
  return (
    <details className="ai-models" open={here < models.length}>
      <summary>
        Models: {here} of {models.length} here
      </summary>
      <ul data-testid="ai-models">
        {models.map((m) => (
          <li key={m.task} data-testid="ai-model" data-available={m.available}>
            <span className="ai-model-task">{TASK_LABELS[m.task]}</span>{' '}
            {m.available ? (
              <span>
                {m.name} <span className="dim">({m.licence})</span>
              </span>
            ) : (
              <span className="ai-model-missing">missing: {m.reason ?? 'not installed'}</span>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

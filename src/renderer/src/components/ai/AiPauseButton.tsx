// Pause or resume the AI job (kept across restarts), wherever it shows: the sidebar's AI
// section and the `ai` job in the Jobs panel. The status says which applies.
import { useEffect } from 'react';
import { useServices } from '../../app-context';
import { useAi } from '../../store-hooks';

export function AiPauseButton() {
  const { stores } = useServices();
  const paused = useAi((s) => s.status?.paused ?? null);
  useEffect(() => stores.ai.getState().ensureLoaded(), [stores]);
  if (paused === null) return null;
  const ai = stores.ai.getState();
  return paused ? (
    <>
      <span className="ai-paused" data-testid="ai-paused">
        Paused
      </span>
      <button type="button" aria-label="Resume the AI" onClick={() => void ai.resume()}>
        Resume
      </button>
    </>
  ) : (
    <button type="button" aria-label="Pause the AI" onClick={() => void ai.pause()}>
      Pause
    </button>
  );
}

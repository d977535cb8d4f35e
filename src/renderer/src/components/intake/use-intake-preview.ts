// Asks the engine what draft rules make of a sample file name, a moment after the last
// keystroke; an invalid pattern comes back as the engine's reason.
import { useEffect, useState } from 'react';
import type { IntakeResult, IntakeRules } from '../../../../shared/intake-dto';
import { useServices } from '../../app-context';

export const PREVIEW_DELAY_MS = 150;

export interface IntakePreview {
  result: IntakeResult | null;
  error: string | null;
}

export function useIntakePreview(
  catalogId: number,
  rules: IntakeRules,
  sample: string,
  camera: string,
): IntakePreview {
  const { client } = useServices();
  const [preview, setPreview] = useState<IntakePreview>({ result: null, error: null });
  const key = JSON.stringify(rules);
  useEffect(() => {
    let stale = false;
    const relPath = sample.trim();
    const timer = setTimeout(() => {
      if (relPath === '') return setPreview({ result: null, error: null });
      client
        .call('intakeRules.preview', {
          catalogId,
          rules: JSON.parse(key) as IntakeRules,
          relPath,
          camera: camera.trim() === '' ? null : camera.trim(),
        })
        .then(
          (result) => !stale && setPreview({ result, error: null }),
          (cause: unknown) =>
            !stale &&
            setPreview({
              result: null,
              error: cause instanceof Error ? cause.message : String(cause),
            }),
        );
    }, PREVIEW_DELAY_MS);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [client, catalogId, key, sample, camera]);
  return preview;
}

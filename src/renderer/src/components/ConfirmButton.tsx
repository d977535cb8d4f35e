// A destructive action behind an inline "are you sure": the question, the action again and
// Keep. The engine's refusal, if any, shows beside it. Used by the Rights page and presets.
import { useState } from 'react';

interface ConfirmButtonProps {
  label: string;
  question: string;
  /** Names the first button for assistive tech, e.g. "Delete licence Shoot". */
  ariaLabel?: string;
  testId: string;
  disabled?: boolean;
  onConfirm: () => Promise<void>;
}

export function ConfirmButton({
  label,
  question,
  ariaLabel,
  testId,
  disabled = false,
  onConfirm,
}: ConfirmButtonProps) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = async (): Promise<void> => {
    try {
      await onConfirm();
      setConfirming(false);
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };
  if (!confirming)
    return (
      <button
        type="button"
        aria-label={ariaLabel}
        data-testid={testId}
        disabled={disabled}
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
      >
        {label}
      </button>
    );
  return (
    <span className="preset-confirm" role="group" aria-label="Confirm">
      <span>{question}</span>
      <button
        type="button"
        className="danger"
        data-testid={`${testId}-confirm`}
        onClick={() => void confirm()}
      >
        {label}
      </button>
      <button type="button" onClick={() => setConfirming(false)}>
        Keep
      </button>
      {error !== null && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

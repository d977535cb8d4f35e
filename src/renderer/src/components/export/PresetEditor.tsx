// Edits one preset as a form checked against the contract's schema. Save bumps its
// version; Copy makes the user's own preset from it; Delete removes a user's preset and
// "Revert to built-in" drops the user's edit of a shipped one.
import { useState, type FormEvent } from 'react';
import type { ChannelPreset } from '../../../../shared/export-dto';
import { useServices } from '../../app-context';
import { checkDraft, draftOf, type PresetDraft } from './preset-form';
import { PresetIdentityFields } from './PresetIdentityFields';
import { PresetRemoveButton } from './PresetRemoveButton';
import { RenditionFieldset } from './RenditionFieldset';
import { RulesFieldset } from './RulesFieldset';

interface PresetEditorProps {
  preset: ChannelPreset;
  /** Called with the preset to show next (a copy), or null after a delete. */
  onSelect: (id: string | null) => void;
}

export function PresetEditor({ preset, onSelect }: PresetEditorProps) {
  const { stores } = useServices();
  const [draft, setDraft] = useState<PresetDraft>(() => draftOf(preset));
  const [dirty, setDirty] = useState(false);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const checked = checkDraft(draft);
  const issues = checked.ok ? new Map<string, string>() : checked.issues;

  const change = (next: PresetDraft): void => {
    setDraft(next);
    setDirty(true);
    setMessage(null);
  };

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await work();
    } catch (cause) {
      setMessage({ kind: 'error', text: cause instanceof Error ? cause.message : String(cause) });
    } finally {
      setBusy(false);
    }
  };

  const save = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (!checked.ok) {
      const n = checked.issues.size;
      setMessage({
        kind: 'error',
        text: `Fix the ${n === 1 ? 'problem' : `${n} problems`} marked below.`,
      });
      return;
    }
    void run(async () => {
      const saved = await stores.presets.getState().save(preset.id, checked.body);
      setDraft(draftOf(saved));
      setDirty(false);
      setMessage({
        kind: 'ok',
        text: `Saved as version ${saved.version}. The next export renders again only the images this change affects; the rest of the pack stays as it is.`,
      });
    });
  };

  const copy = (): void =>
    void run(async () => {
      const made = await stores.presets.getState().copy(preset.id);
      onSelect(made.id);
    });

  return (
    <form
      className="preset-editor"
      aria-label={`Edit preset ${preset.name}`}
      onSubmit={save}
      noValidate
    >
      <header className="preset-editor-head">
        <h2>{preset.name}</h2>
        <span className="dim" data-testid="preset-version">
          {preset.id} · version {preset.version}
          {preset.builtIn ? (preset.modified ? ' · built-in, edited' : ' · built-in') : ''}
          {preset.basedOn !== null ? ` · copied from ${preset.basedOn}` : ''}
        </span>
      </header>
      <PresetIdentityFields draft={draft} issues={issues} onChange={change} />
      {draft.renditions.map((rendition, index) => (
        <RenditionFieldset
          key={index}
          rendition={rendition}
          index={index}
          several={draft.renditions.length > 1}
          issues={issues}
          onChange={(next) =>
            change({
              ...draft,
              renditions: draft.renditions.map((r, i) => (i === index ? next : r)),
            })
          }
        />
      ))}
      <RulesFieldset
        rules={draft.rules}
        issues={issues}
        onChange={(rules) => change({ ...draft, rules })}
      />
      {issues.get('') !== undefined && (
        <p className="form-error" role="alert">
          {issues.get('')}
        </p>
      )}
      <footer className="preset-editor-actions">
        <button
          type="submit"
          className="primary"
          data-testid="preset-save"
          disabled={busy || !dirty}
        >
          Save
        </button>
        <button type="button" data-testid="preset-copy" disabled={busy} onClick={copy}>
          Copy
        </button>
        <PresetRemoveButton
          preset={preset}
          disabled={busy}
          onRemoved={(gone) => onSelect(gone ? null : preset.id)}
        />
        <span className="form-hint">
          Saving bumps the version; only renditions the change affects are rendered again.
        </span>
      </footer>
      {message !== null && (
        <p
          className={message.kind === 'ok' ? 'form-ok' : 'form-error'}
          role={message.kind === 'ok' ? 'status' : 'alert'}
          data-testid="preset-message"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}

// A catalog's intake rules: what its files get when indexed, from their folders, names
// and EXIF, and the naming convention they must follow. Saving applies to files indexed
// from then on; "Apply to existing files" re-applies to all, as one undoable step.
import { useEffect, useId, useState } from 'react';
import type { Catalog } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { FilenameRulesEditor } from './FilenameRulesEditor';
import { fromDraft, toDraft, type DraftRules } from './intake-draft';
import { IntakeTestField } from './IntakeTestField';

interface Props {
  catalog: Catalog;
  onClose: () => void;
}

export function IntakeRulesDialog({ catalog, onClose }: Props) {
  const { client } = useServices();
  const titleId = useId();
  const [draft, setDraft] = useState<DraftRules | null>(null);
  const [status, setStatus] = useState<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let stale = false;
    client.call('intakeRules.get', { catalogId: catalog.id }).then(
      (rules) => !stale && setDraft(toDraft(rules)),
      (cause: unknown) => !stale && setStatus({ text: messageOf(cause), error: true }),
    );
    return () => {
      stale = true;
    };
  }, [client, catalog.id]);

  const run = async (apply: boolean): Promise<void> => {
    if (draft === null) return;
    setBusy(true);
    try {
      const rules = await client.call('intakeRules.set', {
        catalogId: catalog.id,
        rules: fromDraft(draft),
      });
      setDraft(toDraft(rules));
      if (!apply) return setStatus({ text: 'Saved. New files follow these rules.', error: false });
      const report = await client.call('intakeRules.apply', { catalogId: catalog.id });
      setStatus({
        text: `Applied to ${report.assets} files: ${report.changed} changed, ${report.violations} break the naming convention.${report.step ? ' Undo reverts it.' : ''}`,
        error: false,
      });
    } catch (cause) {
      setStatus({ text: messageOf(cause), error: true });
    } finally {
      setBusy(false);
    }
  };

  const edit = (change: Partial<DraftRules>): void => {
    setDraft((d) => (d === null ? d : { ...d, ...change }));
    setStatus(null);
  };

  return (
    <div className="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onClose()}>
      <div
        className="dialog intake-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid="intake-dialog"
      >
        <h2 id={titleId}>Intake rules for {catalog.name}</h2>
        {draft === null ? (
          <p className="dim">Loading…</p>
        ) : (
          <>
            <fieldset>
              <legend>Folders</legend>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.folders.enabled}
                  onChange={(e) =>
                    edit({ folders: { ...draft.folders, enabled: e.target.checked } })
                  }
                />
                Tag files with their folders, under
              </label>{' '}
              <input
                type="text"
                aria-label="Parent tag for folders"
                value={draft.folders.parent}
                onChange={(e) => edit({ folders: { ...draft.folders, parent: e.target.value } })}
              />
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.folders.nested}
                  onChange={(e) =>
                    edit({ folders: { ...draft.folders, nested: e.target.checked } })
                  }
                />
                one nested tag (Folder|Shoes|Sneakers)
              </label>
              <label>
                Folder patterns to tags, one per line (<code>Shoes/** = Department|Footwear</code>)
                <textarea
                  rows={2}
                  spellCheck={false}
                  value={draft.folderMap}
                  onChange={(e) => edit({ folderMap: e.target.value })}
                />
              </label>
            </fieldset>
            <FilenameRulesEditor
              rules={draft.filename}
              onChange={(filename) => edit({ filename })}
            />
            <fieldset>
              <legend>EXIF</legend>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.exif.camera}
                  onChange={(e) => edit({ exif: { ...draft.exif, camera: e.target.checked } })}
                />
                Camera → <code>Camera|Canon EOS R5</code>
              </label>
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.exif.lens}
                  onChange={(e) => edit({ exif: { ...draft.exif, lens: e.target.checked } })}
                />
                Lens → <code>Lens|…</code>
              </label>
            </fieldset>
            <fieldset>
              <legend>Naming convention</legend>
              <input
                type="text"
                className="mono"
                aria-label="Naming convention"
                placeholder="[A-Z]+-\d+_\d{2} (the whole name must match; empty: none)"
                spellCheck={false}
                value={draft.naming}
                onChange={(e) => edit({ naming: e.target.value })}
              />
              <label className="inline">
                <input
                  type="checkbox"
                  checked={draft.namingIgnoreCase}
                  onChange={(e) => edit({ namingIgnoreCase: e.target.checked })}
                />
                Aa
              </label>
              <p className="dim">
                Files that break it are marked; find them with <code>naming:bad</code>.
              </p>
            </fieldset>
            <IntakeTestField catalogId={catalog.id} rules={fromDraft(draft)} />
          </>
        )}
        {status !== null && (
          <p
            className={status.error ? 'form-error' : 'intake-status'}
            role={status.error ? 'alert' : 'status'}
            data-testid="intake-status"
          >
            {status.text}
          </p>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          <button type="button" disabled={busy || draft === null} onClick={() => void run(false)}>
            Save
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy || draft === null}
            onClick={() => void run(true)}
          >
            Save and apply to existing files
          </button>
        </div>
      </div>
    </div>
  );
}

function messageOf(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}

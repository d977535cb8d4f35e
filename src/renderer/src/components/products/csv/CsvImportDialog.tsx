// Importing products from a CSV in three steps: choose the file (the engine reads its
// encoding, separator and kind), map its columns (starting from the engine's guess), then
// read the report. The file travels once, in chunks (upload-file.ts), so a 50 MB catalogue
// passes the browser bridge's body limit; browser and desktop work the same way.
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import type { CsvPreview, ImportReport } from '../../../../../shared/product-dto';
import { useServices } from '../../../app-context';
import { initialMapping, toColumnMap, type MappingState } from './column-map';
import { CsvMapping } from './CsvMapping';
import { CsvPreviewTable } from './CsvPreviewTable';
import { CsvReport } from './CsvReport';
import { uploadFile } from './upload-file';

type Step =
  | { kind: 'choose' }
  | {
      kind: 'map';
      uploadId: string;
      fileName: string;
      preview: CsvPreview;
      mapping: MappingState;
    }
  | { kind: 'report'; report: ImportReport };

export function CsvImportDialog({ onClose }: { onClose: () => void }) {
  const { client, stores } = useServices();
  const id = useId();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // The upload held by the engine, freed when another file is chosen or the dialog closes.
  const held = useRef<string | null>(null);
  const release = (): void => {
    if (held.current !== null)
      void client.call('uploads.discard', { uploadId: held.current }).catch(() => undefined);
    held.current = null;
  };
  useEffect(() => release, []); // eslint-disable-line react-hooks/exhaustive-deps

  const run = async (work: () => Promise<void>): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  const choose = (event: ChangeEvent<HTMLInputElement>): void => {
    const file = event.target.files?.[0];
    if (file === undefined) return;
    void run(async () => {
      release();
      const uploadId = await uploadFile(client, file);
      held.current = uploadId;
      const preview = await client.call('products.importPreview', { uploadId });
      setStep({
        kind: 'map',
        uploadId,
        fileName: file.name,
        preview,
        mapping: initialMapping(preview),
      });
    });
  };

  const importNow = (uploadId: string, mapping: MappingState): void => {
    const map = toColumnMap(mapping);
    if (map === null) return setError('Choose the column that holds the SKU.');
    void run(async () => {
      const report = await client.call('products.import', { uploadId, map });
      release();
      setStep({ kind: 'report', report });
      void stores.products.getState().refresh();
    });
  };

  return (
    <div className="dialog-backdrop">
      <div
        className="dialog is-wide"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        data-testid="csv-dialog"
        onKeyDown={(e) => {
          if (e.key === 'Escape') onClose();
        }}
      >
        <h2 id={`${id}-title`}>Import products from CSV</h2>
        {step.kind === 'choose' && (
          <div className="form-field">
            <label htmlFor={`${id}-file`}>
              A product CSV: Shopify or Akeneo export, or any table with a SKU column
            </label>
            <input
              id={`${id}-file`}
              type="file"
              accept=".csv,.tsv,.txt,text/csv"
              data-testid="csv-file"
              autoFocus
              disabled={busy}
              onChange={choose}
            />
          </div>
        )}
        {step.kind === 'map' && (
          <>
            <p className="dim">{step.fileName}</p>
            <CsvPreviewTable preview={step.preview} />
            <CsvMapping
              headers={step.preview.headers}
              state={step.mapping}
              onChange={(mapping) => setStep({ ...step, mapping })}
            />
          </>
        )}
        {step.kind === 'report' && <CsvReport report={step.report} />}
        {busy && <p className="dim">Reading…</p>}
        {error !== null && (
          <p className="form-error" role="alert" data-testid="csv-error">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button type="button" data-testid="csv-close" onClick={onClose}>
            {step.kind === 'report' ? 'Done' : 'Cancel'}
          </button>
          {step.kind === 'map' && (
            <button
              type="button"
              className="primary"
              data-testid="csv-import"
              disabled={busy || step.mapping.fields.sku === ''}
              onClick={() => importNow(step.uploadId, step.mapping)}
            >
              Import {step.preview.rowCount} rows
            </button>
          )}
        </div>
      </div>
    </div>
  );
}

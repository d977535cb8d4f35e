// Imports a keyword list file as Lightroom exports it (one keyword a line, children
// tab-indented) into the keyword tree.
import { useRef, useState, type ChangeEvent } from 'react';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';

export function KeywordImport() {
  const { client, stores } = useServices();
  const fileRef = useRef<HTMLInputElement>(null);
  const [outcome, setOutcome] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>): Promise<void> => {
    const file = event.target.files?.[0];
    event.target.value = ''; // the same file again is a new import
    if (file === undefined) return;
    try {
      const { created, total } = await client.call('tags.import', { text: await file.text() });
      setOutcome(`${formatCount(created)} new of ${formatCount(total)} keywords`);
    } catch (cause) {
      setOutcome(null);
      stores.notices.getState().report(`Could not import ${file.name}`, cause);
    }
  };

  return (
    <div className="keyword-import">
      <button
        type="button"
        className="link-button"
        title="A keyword list exported from Lightroom (tab-indented text)"
        onClick={() => fileRef.current?.click()}
      >
        Import keyword list…
      </button>
      <input
        ref={fileRef}
        type="file"
        accept=".txt,text/plain"
        hidden
        data-testid="keyword-import-file"
        onChange={(e) => void onFile(e)}
      />
      {outcome !== null && (
        <span className="dim" role="status" data-testid="keyword-import-outcome">
          {outcome}
        </span>
      )}
    </div>
  );
}

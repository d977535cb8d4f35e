// Opens a catalog's intake rules from its entry in the sidebar.
import { useState } from 'react';
import type { Catalog } from '../../../../shared/dto';
import { IntakeRulesDialog } from './IntakeRulesDialog';

export function IntakeRulesButton({ catalog }: { catalog: Catalog }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="catalog-rules"
        aria-label={`Intake rules for ${catalog.name}`}
        title="Intake rules: tags from folders, names and EXIF; naming convention"
        onClick={() => setOpen(true)}
      >
        ⚙
      </button>
      {open && <IntakeRulesDialog catalog={catalog} onClose={() => setOpen(false)} />}
    </>
  );
}

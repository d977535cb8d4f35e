// The Export view: channel presets, pre-flight and export, as three tabs. Tabs stay
// mounted (hidden), so a half-edited preset or the export form survive a switch.
import { useState, type KeyboardEvent } from 'react';
import { ExportPanel } from './ExportPanel';
import { PreflightPanel } from './PreflightPanel';
import { PresetsPanel } from './PresetsPanel';

const TABS = [
  { id: 'presets', label: 'Presets' },
  { id: 'preflight', label: 'Pre-flight' },
  { id: 'export', label: 'Export' },
] as const;
type Tab = (typeof TABS)[number]['id'];

export function ExportView() {
  const [tab, setTab] = useState<Tab>('presets');

  // Tabs as the ARIA pattern has them: the arrows (and Home/End) move between them.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const at = TABS.findIndex((t) => t.id === tab);
    const to =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : null;
    const next = to === null ? undefined : TABS[to];
    if (next === undefined) return;
    event.preventDefault();
    setTab(next.id);
    document.getElementById(`export-tab-${next.id}`)?.focus();
  };

  return (
    <div className="export-view" data-testid="export-view">
      <div className="export-tabs" role="tablist" aria-label="Channel packs" onKeyDown={onKeyDown}>
        {TABS.map(({ id, label }) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`export-tab-${id}`}
            aria-controls={`export-panel-${id}`}
            aria-selected={tab === id}
            tabIndex={tab === id ? 0 : -1}
            className="segment"
            data-testid={`export-tab-${id}`}
            onClick={() => setTab(id)}
          >
            {label}
          </button>
        ))}
      </div>
      {TABS.map(({ id }) => (
        <div
          key={id}
          role="tabpanel"
          id={`export-panel-${id}`}
          aria-labelledby={`export-tab-${id}`}
          className="export-tab-panel"
          hidden={tab !== id}
        >
          {id === 'presets' ? (
            <PresetsPanel />
          ) : id === 'preflight' ? (
            <PreflightPanel />
          ) : (
            <ExportPanel />
          )}
        </div>
      ))}
    </div>
  );
}

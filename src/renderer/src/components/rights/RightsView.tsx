// The Rights page: licences ended or ending (notices), every licence with its editor and
// where its assets went, releases, and the takedown list as a CSV. Every section reads
// again after an edit here and when the engine says rights changed (the daily job).
import { useCallback, useEffect, useState } from 'react';
import { useServices } from '../../app-context';
import { LicencesSection } from './LicencesSection';
import { NoticesSection } from './NoticesSection';
import { ReleasesSection } from './ReleasesSection';
import { TakedownSection } from './TakedownSection';

export function RightsView() {
  const { client } = useServices();
  const [generation, setGeneration] = useState(0);
  const changed = useCallback(() => setGeneration((n) => n + 1), []);
  useEffect(() => client.on('rights.changed', changed), [client, changed]);
  return (
    <div className="rights-view" aria-label="Rights" role="region" data-testid="rights-view">
      <NoticesSection generation={generation} />
      <LicencesSection generation={generation} onChanged={changed} />
      <ReleasesSection generation={generation} onChanged={changed} />
      <TakedownSection generation={generation} />
    </div>
  );
}

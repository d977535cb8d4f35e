// The takedown list: files still in packs whose licence ends within N days (or has ended),
// with where each one is (channel, SKU, pack, file), and the list saved as a CSV.
import { useCallback, useState } from 'react';
import { takedownsMethods } from '../../../../shared/methods/takedowns-methods';
import { useServices } from '../../app-context';
import { NumberField } from '../export/form-fields';
import { ReadGate } from './ReadGate';
import { TakedownCsv } from './TakedownCsv';
import { useRead } from './use-read';

/** The engine's own default window (the schema's default), not a second copy of it. */
const DEFAULT_DAYS = takedownsMethods()['takedowns.list'].args.parse({}).days;

export function TakedownSection({ generation }: { generation: number }) {
  const { client } = useServices();
  const [typed, setTyped] = useState<number | null>(DEFAULT_DAYS);
  const valid = typed !== null && Number.isInteger(typed) && typed >= 0 && typed <= 3650;
  const [days, setDays] = useState(DEFAULT_DAYS);
  const read = useRead(
    useCallback(() => client.call('takedowns.list', { days }), [client, days]),
    'the takedown list',
    generation,
  );
  return (
    <section className="rights-section" aria-labelledby="rights-takedown-title">
      <h2 id="rights-takedown-title">Takedown list</h2>
      <div className="takedown-controls">
        <NumberField
          label="Licences ending within (days)"
          value={typed}
          step={1}
          onChange={(v) => {
            setTyped(v);
            if (v !== null && Number.isInteger(v) && v >= 0 && v <= 3650) setDays(v);
          }}
          error={valid ? undefined : 'a whole number of days, 0 to 3650'}
          testId="takedown-days"
        />
        <TakedownCsv days={days} />
      </div>
      <ReadGate read={read} what="the takedown list">
        {(rows) =>
          rows.length === 0 ? (
            <p className="dim">No file in a pack has a licence ending within {days} days.</p>
          ) : (
            <table className="rights-table" aria-label="Takedown list" data-testid="takedown-table">
              <thead>
                <tr>
                  <th>Licence</th>
                  <th>Ends on</th>
                  <th>Channel</th>
                  <th>SKU</th>
                  <th>Pack</th>
                  <th>File</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr
                    key={`${r.licenceId}\n${r.pack}\n${r.file}`}
                    data-testid="takedown-row"
                    data-ended={r.ended}
                  >
                    <td>{r.licence}</td>
                    <td>
                      {r.endsOn} {r.ended ? '(ended)' : '(ends soon)'}
                    </td>
                    <td>{r.channel}</td>
                    <td>{r.sku}</td>
                    <td className="path">{r.pack}</td>
                    <td className="path">{r.file}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </ReadGate>
    </section>
  );
}

// Where a licence is used: the assets it covers and every file of theirs an export put in a
// pack (channel, SKU, pack, file, when), those still there first.
import { useCallback } from 'react';
import { useServices } from '../../app-context';
import { ReadGate } from './ReadGate';
import { useRead } from './use-read';

/** How many assets and usage rows one look asks for; the rest are counted as "more". */
const LIMIT = 500;

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

export function WhereUsed({ licenceId, generation }: { licenceId: number; generation: number }) {
  const { client } = useServices();
  const read = useRead(
    useCallback(
      () => client.call('usages.forLicence', { licenceId, limit: LIMIT }),
      [client, licenceId],
    ),
    'where the licence is used',
    generation,
  );
  return (
    <div className="where-used" data-testid="where-used">
      <ReadGate read={read} what="where the licence is used">
        {({ assets, usages }) => (
          <>
            <h4>Assets covered{assets.length >= LIMIT && ` (first ${LIMIT})`}</h4>
            {assets.length === 0 ? (
              <p className="dim">No asset holds this licence.</p>
            ) : (
              <ul className="where-used-assets" aria-label="Assets covered">
                {assets.map((a) => (
                  <li key={a.id} data-testid="where-used-asset" title={a.relPath}>
                    {a.name}
                  </li>
                ))}
              </ul>
            )}
            <h4>Where their files went{usages.length >= LIMIT && ` (newest ${LIMIT})`}</h4>
            {usages.length === 0 ? (
              <p className="dim">No export has used these assets.</p>
            ) : (
              <table className="rights-table" aria-label="Where used">
                <thead>
                  <tr>
                    <th>Channel</th>
                    <th>SKU</th>
                    <th>Pack</th>
                    <th>File</th>
                    <th>Exported</th>
                    <th>Now</th>
                  </tr>
                </thead>
                <tbody>
                  {usages.map((u) => (
                    <tr
                      key={`${u.pack}\n${u.file}\n${u.exportedAt}`}
                      data-testid="where-used-row"
                      data-live={u.removedAt === null}
                    >
                      <td>{u.channel}</td>
                      <td>{u.sku}</td>
                      <td className="path">{u.pack}</td>
                      <td className="path">{u.file}</td>
                      <td>{when(u.exportedAt)}</td>
                      <td>
                        {u.removedAt === null ? 'in the pack' : `removed ${when(u.removedAt)}`}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </ReadGate>
    </div>
  );
}

// The metadata of two versions side by side; a row whose values differ is marked (and says
// so to a screen reader). What a side's bytes cannot tell (not kept) shows as a dash.
import type { VersionSide } from '../../../../shared/version-dto';
import { formatExactBytes } from '../../format/bytes';
import { formatCaptureDate, formatInstant } from '../../format/date';
import { formatDimensions, formatImageFormat } from '../../format/media';
import { keptInfo } from './VersionRow';

interface Row {
  label: string;
  show: (side: VersionSide) => string;
}

const ROWS: Row[] = [
  { label: 'Recorded', show: (s) => formatInstant(s.recordedAt) },
  {
    label: 'Dimensions',
    show: (s) =>
      s.width !== null && s.height !== null ? formatDimensions(s.width, s.height) : '—',
  },
  { label: 'Size', show: (s) => formatExactBytes(s.bytes) },
  { label: 'Hash', show: (s) => s.hash },
  { label: 'Format', show: (s) => (s.format === null ? '—' : formatImageFormat(s.format)) },
  { label: 'Captured', show: (s) => (s.capturedAt ? formatCaptureDate(s.capturedAt) : '—') },
  { label: 'Camera', show: (s) => s.camera ?? '—' },
  { label: 'Title', show: (s) => s.title ?? '—' },
  { label: 'Keywords', show: (s) => (s.keywords.length ? s.keywords.join(', ') : '—') },
  { label: 'Kept', show: (s) => keptInfo(s.kept).label },
];

export function VersionFacts({ a, b }: { a: VersionSide; b: VersionSide }) {
  return (
    <table className="version-facts" data-testid="version-facts">
      <thead>
        <tr>
          <th scope="col" />
          <th scope="col">
            v{a.n}
            {a.current ? ' (current)' : ''}
          </th>
          <th scope="col">
            v{b.n}
            {b.current ? ' (current)' : ''}
          </th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => {
          const [left, right] = [row.show(a), row.show(b)];
          const differs = left !== right;
          return (
            <tr
              key={row.label}
              className={differs ? 'is-different' : undefined}
              data-differs={differs ? 'true' : undefined}
            >
              <th scope="row">
                {row.label}
                {differs && <span className="visually-hidden"> (differs)</span>}
              </th>
              <td>{left}</td>
              <td>{right}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

// What the engine read from the CSV: encoding, separator, which export it looks like, and
// the first rows, so the user can check before mapping.
import type { CsvPreview } from '../../../../../shared/product-dto';
import { formatCount } from '../../../format/count';

const SEPARATORS: Record<CsvPreview['separator'], string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

const DIALECTS: Record<CsvPreview['dialect'], string> = {
  shopify: 'Shopify product export',
  akeneo: 'Akeneo product export',
  generic: 'generic CSV',
};

export function CsvPreviewTable({ preview }: { preview: CsvPreview }) {
  return (
    <div className="csv-preview">
      <p className="csv-facts" data-testid="csv-facts">
        {DIALECTS[preview.dialect]} · {preview.encoding} · {SEPARATORS[preview.separator]} separated
        · {formatCount(preview.rowCount)} {preview.rowCount === 1 ? 'row' : 'rows'}
      </p>
      <div className="csv-table-scroll">
        <table className="csv-table">
          <thead>
            <tr>
              {preview.headers.map((h, i) => (
                <th key={i} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, r) => (
              <tr key={r}>
                {preview.headers.map((_h, c) => (
                  <td key={c}>{row[c] ?? ''}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

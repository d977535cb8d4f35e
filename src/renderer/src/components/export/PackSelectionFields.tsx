// The pack's channels and which products go in it; shared by pre-flight and export.
import { useEffect } from 'react';
import { useServices } from '../../app-context';
import { usePackSelection } from '../../store-hooks';
import { ChannelPicker } from './ChannelPicker';
import { TextField } from './form-fields';

export function PackSelectionFields() {
  const { stores } = useServices();
  const query = usePackSelection((s) => s.query);
  useEffect(() => {
    void stores.presets.getState().ensure();
  }, [stores]);
  return (
    <div className="pack-selection">
      <ChannelPicker />
      <TextField
        label="Products"
        value={query}
        onChange={(v) => stores.packSelection.getState().setQuery(v)}
        placeholder="All products (or e.g. sku:AB-1 OR sku:AB-2)"
        hint="The search language: a product is taken when its SKU or name, or one of its own files, matches; empty: every product"
        testId="pack-query"
      />
    </div>
  );
}

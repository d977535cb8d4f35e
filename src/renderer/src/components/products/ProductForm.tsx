// Creates a product by hand, or edits one: SKU, name, parent SKU (makes it a variant),
// product type, channels and free attributes. The engine's refusal (a SKU taken, an unknown
// parent) shows inline.
import { useId, useState, type FormEvent } from 'react';
import type { Product } from '../../../../shared/product-dto';
import { useServices } from '../../app-context';
import {
  EMPTY_FORM,
  formValuesOf,
  productArgs,
  type ProductFormValues,
} from './product-form-values';

interface ProductFormProps {
  /** The product to edit; absent: a new one. */
  product?: Product;
  onDone: () => void;
}

export function ProductForm({ product, onDone }: ProductFormProps) {
  const { stores } = useServices();
  const id = useId();
  const [values, setValues] = useState<ProductFormValues>(
    product !== undefined ? formValuesOf(product) : EMPTY_FORM,
  );
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const change = (field: keyof ProductFormValues) => (value: string) =>
    setValues((v) => ({ ...v, [field]: value }));

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const made = productArgs(values);
    if (!made.ok) return setError(made.error);
    setBusy(true);
    setError(null);
    try {
      const products = stores.products.getState();
      if (product === undefined) await products.create(made.args);
      else await products.update({ id: product.id, ...made.args });
      onDone();
    } catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof ProductFormValues, label: string, hint?: string) => (
    <div className="form-field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type="text"
        data-testid={`product-form-${name}`}
        value={values[name]}
        placeholder={hint}
        spellCheck={false}
        autoComplete="off"
        disabled={busy}
        onChange={(e) => change(name)(e.target.value)}
      />
    </div>
  );

  return (
    <form
      className="product-form"
      aria-label={product === undefined ? 'New product' : `Edit ${product.sku}`}
      onSubmit={(e) => void onSubmit(e)}
    >
      {field('sku', 'SKU')}
      {field('name', 'Name')}
      {field('parentSku', 'Parent SKU', 'the model this is a variant of')}
      {field('productType', 'Product type', 'e.g. appliance, apparel')}
      {field('channels', 'Channels', 'e.g. shopify, amazon')}
      <div className="form-field">
        <label htmlFor={`${id}-attributes`}>Attributes</label>
        <textarea
          id={`${id}-attributes`}
          data-testid="product-form-attributes"
          rows={4}
          value={values.attributes}
          placeholder={'color: red\nsize: 42'}
          spellCheck={false}
          disabled={busy}
          onChange={(e) => change('attributes')(e.target.value)}
        />
      </div>
      {error !== null && (
        <p className="form-error" role="alert" data-testid="product-form-error">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="button" disabled={busy} onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="primary" data-testid="product-form-save" disabled={busy}>
          {product === undefined ? 'Create product' : 'Save'}
        </button>
      </div>
    </form>
  );
}

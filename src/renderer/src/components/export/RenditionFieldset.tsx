// One rendition of a preset: its box, fit and crop, trim and product fill, background,
// the white-background pass, format and quality, progressive, and the file-size cap.
import type { Rendition } from '../../../../shared/export-dto';
import { CheckField, NumberField, SelectField, TextField } from './form-fields';
import { cropOptions, fitOptions, formatOptions, whiteBackgroundOptions } from './options';
import type { Issues } from './preset-form';

interface RenditionFieldsetProps {
  rendition: Rendition;
  index: number;
  /** Shown in the legend when a preset makes several. */
  several: boolean;
  issues: Issues;
  onChange: (next: Rendition) => void;
}

export function RenditionFieldset({
  rendition: r,
  index,
  several,
  issues,
  onChange,
}: RenditionFieldsetProps) {
  const at = (field: string) => issues.get(`renditions.${index}.${field}`);
  const set = <K extends keyof Rendition>(key: K, value: Rendition[K]) =>
    onChange({ ...r, [key]: value });
  const whole = issues.get(`renditions.${index}`);
  return (
    <fieldset className="form-section" data-testid={`rendition-${index}`}>
      <legend>
        {several ? `Rendition ${r.key === '' ? index + 1 : r.key}` : 'Size and output'}
      </legend>
      <div className="form-grid">
        {several && (
          <TextField label="Key" value={r.key} onChange={(v) => set('key', v)} error={at('key')} />
        )}
        <NumberField
          label="Width (px)"
          value={r.width}
          onChange={(v) => set('width', v)}
          error={at('width')}
          hint="Empty: free"
          testId="rendition-width"
        />
        <NumberField
          label="Height (px)"
          value={r.height}
          onChange={(v) => set('height', v)}
          error={at('height')}
          hint="Empty: free"
          testId="rendition-height"
        />
        <SelectField
          label="Fit"
          value={r.fit}
          options={fitOptions}
          onChange={(v) => set('fit', v)}
        />
        <SelectField
          label="Crop without a focal point"
          value={r.crop}
          options={cropOptions}
          onChange={(v) => set('crop', v)}
        />
        <CheckField
          label="Never enlarge"
          checked={r.withoutEnlargement}
          onChange={(v) => set('withoutEnlargement', v)}
        />
        <CheckField label="Trim margins" checked={r.trim} onChange={(v) => set('trim', v)} />
        <NumberField
          label="Trim threshold (0–255)"
          value={r.trimThreshold}
          onChange={(v) => set('trimThreshold', v ?? 0)}
          error={at('trimThreshold')}
        />
        <NumberField
          label="Product fill (0–1)"
          value={r.productFill}
          step={0.01}
          onChange={(v) => set('productFill', v)}
          error={at('productFill')}
          hint="Share of the frame the trimmed product fills; empty: as trimmed"
        />
        <TextField
          label="Background"
          value={r.background}
          onChange={(v) => set('background', v)}
          error={at('background')}
          placeholder="#ffffff"
        />
        <SelectField
          label="Make the backdrop pure white"
          value={r.whiteBackground ?? 'off'}
          options={whiteBackgroundOptions}
          onChange={(v) => set('whiteBackground', v)}
          hint="Auto: where indexing found most of the border near-white"
          testId="rendition-white-background"
        />
        <CheckField
          label="Keep the soft shadow"
          checked={r.keepShadow ?? true}
          onChange={(v) => set('keepShadow', v)}
          testId="rendition-keep-shadow"
        />
        <SelectField
          label="Format"
          value={r.format}
          options={formatOptions}
          onChange={(v) => set('format', v)}
        />
        <NumberField
          label="Quality (1–100)"
          value={r.quality}
          onChange={(v) => set('quality', v ?? 0)}
          error={at('quality')}
          testId="rendition-quality"
        />
        <CheckField
          label="Progressive / interlaced"
          checked={r.progressive}
          onChange={(v) => set('progressive', v)}
        />
        <NumberField
          label="Max bytes"
          value={r.maxBytes}
          onChange={(v) => set('maxBytes', v)}
          error={at('maxBytes')}
          hint="Quality is lowered (down to the minimum) to meet it; empty: no cap"
        />
        <NumberField
          label="Min quality"
          value={r.minQuality}
          onChange={(v) => set('minQuality', v ?? 0)}
          error={at('minQuality')}
        />
      </div>
      {whole !== undefined && (
        <p className="form-error" role="alert">
          {whole}
        </p>
      )}
    </fieldset>
  );
}

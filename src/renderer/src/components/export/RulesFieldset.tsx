// The channel's rules that pre-flight checks: sizes, aspect, formats, bytes, and the main
// image's background and fill, and the media a product must have beside its photos (a
// video, a 3D model, a manual). Empty fields are not checked.
import { OUTPUT_FORMATS, type ChannelRules } from '../../../../shared/export-dto';
import { REQUIRED_MEDIA } from '../../../../shared/product-dto';
import { CheckGroup, NumberField } from './form-fields';
import type { Issues } from './preset-form';

type NumericRule = Exclude<keyof ChannelRules, 'formats' | 'requires'>;

const NUMERIC_RULES: readonly { key: NumericRule; label: string; step?: number }[] = [
  { key: 'minWidth', label: 'Min width (px)' },
  { key: 'minHeight', label: 'Min height (px)' },
  { key: 'minLongSide', label: 'Min long side (px)' },
  { key: 'recommendedLongSide', label: 'Recommended long side (px)' },
  { key: 'maxWidth', label: 'Max width (px)' },
  { key: 'maxHeight', label: 'Max height (px)' },
  { key: 'maxLongSide', label: 'Max long side (px)' },
  { key: 'maxMegapixels', label: 'Max megapixels', step: 0.1 },
  { key: 'minAspect', label: 'Min aspect (w/h)', step: 0.01 },
  { key: 'maxAspect', label: 'Max aspect (w/h)', step: 0.01 },
  { key: 'minBytes', label: 'Min bytes' },
  { key: 'maxBytes', label: 'Max bytes' },
  { key: 'mainWhiteBackground', label: 'Main: white background (0–1)', step: 0.01 },
  { key: 'mainMinFill', label: 'Main: min product fill (0–1)', step: 0.01 },
  { key: 'mainMaxFill', label: 'Main: max product fill (0–1)', step: 0.01 },
  { key: 'minSharpness', label: 'Min sharpness' },
  { key: 'maxImages', label: 'Max images per product' },
];

export function RulesFieldset({
  rules,
  issues,
  onChange,
}: {
  rules: ChannelRules;
  issues: Issues;
  onChange: (next: ChannelRules) => void;
}) {
  return (
    <fieldset className="form-section" data-testid="preset-rules">
      <legend>Pre-flight rules</legend>
      <p className="form-hint">Empty fields are not checked.</p>
      <div className="form-grid">
        {NUMERIC_RULES.map(({ key, label, step }) => (
          <NumberField
            key={key}
            label={label}
            step={step}
            value={rules[key]}
            onChange={(v) => onChange({ ...rules, [key]: v })}
            error={issues.get(`rules.${key}`)}
          />
        ))}
      </div>
      <CheckGroup
        legend="Formats the channel accepts"
        options={OUTPUT_FORMATS}
        selected={rules.formats}
        onChange={(formats) => onChange({ ...rules, formats })}
        error={issues.get('rules.formats')}
      />
      <CheckGroup
        legend="Media a product must have linked (each in its own role)"
        options={REQUIRED_MEDIA}
        selected={rules.requires ?? []}
        onChange={(requires) => onChange({ ...rules, requires })}
        error={issues.get('rules.requires')}
        testId="preset-requires"
      />
    </fieldset>
  );
}

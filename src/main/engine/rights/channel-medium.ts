// The medium a channel's images are used in, when its preset names none: licences list
// media (web, print, social, marketplace, ads), presets name channels.
import type { Medium } from '../../../shared/rights-dto';

const USUAL: Record<string, Medium> = {
  amazon: 'marketplace',
  bol: 'marketplace',
  ebay: 'marketplace',
  etsy: 'marketplace',
  zalando: 'marketplace',
  otto: 'marketplace',
  google: 'ads',
  instagram: 'social',
  facebook: 'social',
  pinterest: 'social',
};

export function mediumOf(preset: { channel: string; medium: Medium | null }): Medium {
  return preset.medium ?? USUAL[preset.channel] ?? 'web';
}

// What drawing a face needs, read once per People view: the asset (its thumbnail's hash and
// its aspect) and, for picking faces to split off, its analysis (the faces' boxes and
// groups). Analyses are forgotten whenever the groups are read again (faces move between
// groups); assets are kept (a new content is a new thumbnail, seen on the next visit). A
// failed read is forgotten so the next one retries.
import { createContext, useContext } from 'react';
import type { AssetAi } from '../../../../shared/ai-dto';
import type { Asset } from '../../../../shared/dto';
import type { Client } from '../../client';

export class FaceSources {
  private readonly assets = new Map<number, Promise<Asset>>();
  private readonly analyses = new Map<number, Promise<AssetAi>>();

  constructor(private readonly client: Client) {}

  asset(id: number): Promise<Asset> {
    return memo(this.assets, id, () => this.client.call('assets.get', { id }));
  }

  analysis(assetId: number): Promise<AssetAi> {
    return memo(this.analyses, assetId, () => this.client.call('analyses.get', { assetId }));
  }

  forgetAnalyses(): void {
    this.analyses.clear();
  }
}

function memo<T>(cache: Map<number, Promise<T>>, id: number, read: () => Promise<T>): Promise<T> {
  const known = cache.get(id);
  if (known !== undefined) return known;
  const reading = read();
  cache.set(id, reading);
  reading.catch(() => cache.delete(id));
  return reading;
}

export const FaceSourcesContext = createContext<FaceSources | null>(null);

export function useFaceSources(): FaceSources {
  const sources = useContext(FaceSourcesContext);
  if (sources === null) throw new Error('useFaceSources() outside the People view');
  return sources;
}

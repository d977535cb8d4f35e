// The faces of one person, to pick the ones that are someone else and split them off into a
// new person. The faces come from the analyses of the person's photos (the first PHOTOS of
// them: a group the grouping got wrong shows it in its first photos as well as its last).
import { useEffect, useState } from 'react';
import type { AiFace, FaceGroup } from '../../../../shared/ai-dto';
import { useServices } from '../../app-context';
import { FaceImage } from './FaceImage';
import { useFaceSources } from './face-sources';

const PHOTOS = 60;

interface Shown extends AiFace {
  assetId: number;
}

interface Props {
  group: FaceGroup;
  name: string;
  onSplit: (faceIds: number[]) => Promise<void>;
  onClose: () => void;
}

export function SplitPanel({ group, name, onSplit, onClose }: Props) {
  const { client, stores } = useServices();
  const sources = useFaceSources();
  const [faces, setFaces] = useState<Shown[] | null>(null);
  const [photos, setPhotos] = useState(0);
  const [picked, setPicked] = useState<ReadonlySet<number>>(new Set());
  const { id } = group;

  useEffect(() => {
    let live = true;
    const read = async (): Promise<Shown[]> => {
      const assetIds = await client.call('faceGroups.assets', { id });
      if (live) setPhotos(assetIds.length);
      const analyses = await Promise.all(assetIds.slice(0, PHOTOS).map((a) => sources.analysis(a)));
      return analyses.flatMap((ai) =>
        ai.faces.filter((f) => f.groupId === id).map((f) => ({ ...f, assetId: ai.assetId })),
      );
    };
    read().then(
      (found) => {
        if (live) setFaces(found);
      },
      (cause: unknown) => stores.notices.getState().report(`Could not read the faces`, cause),
    );
    return () => {
      live = false;
    };
  }, [id, client, sources, stores]);

  const toggle = (faceId: number): void =>
    setPicked((s) => {
      const next = new Set(s);
      if (!next.delete(faceId)) next.add(faceId);
      return next;
    });

  return (
    <section className="people-split" aria-label={`Faces of ${name}`} data-testid="people-split">
      <div className="people-head">
        <h3>Faces of {name}</h3>
        <button type="button" aria-label="Close the faces" onClick={onClose}>
          ×
        </button>
      </div>
      <p className="dim">
        Pick the faces that are someone else, then split them off into a new person.
        {photos > PHOTOS && ` Showing the faces in the first ${PHOTOS} of ${photos} photos.`}
      </p>
      {faces === null ? (
        <p className="dim">Loading…</p>
      ) : (
        <ul className="people-faces">
          {faces.map((f, i) => (
            <li key={f.id}>
              <label className="people-face" data-testid="split-face">
                <input
                  type="checkbox"
                  checked={picked.has(f.id)}
                  onChange={() => toggle(f.id)}
                  aria-label={`Face ${i + 1} (photo ${f.assetId})`}
                />
                <FaceImage assetId={f.assetId} box={f} label={`Face ${i + 1} of ${name}`} />
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="ai-actions">
        <button
          type="button"
          className="primary"
          data-testid="split-off"
          disabled={picked.size === 0}
          onClick={() => void onSplit([...picked])}
        >
          Split off {picked.size} {picked.size === 1 ? 'face' : 'faces'}
        </button>
      </div>
    </section>
  );
}

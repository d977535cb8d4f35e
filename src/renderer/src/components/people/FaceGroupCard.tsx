// One person in the People view: a face from the cover photo (opens the person's photos in
// the grid), the name with Rename, how many faces and photos, the releases attached, a box
// to select it for merging, and the ways to split faces off or attach a release.
import { useState } from 'react';
import type { FaceGroup } from '../../../../shared/ai-dto';
import type { Release } from '../../../../shared/rights-dto';
import { formatCount } from '../../format/count';
import { AttachReleaseForm, releaseLabel } from './AttachReleaseForm';
import { FaceImage } from './FaceImage';
import { NameForm } from '../collections/NameForm';

export function groupName(group: FaceGroup): string {
  return group.name ?? `Unnamed person ${group.id}`;
}

interface Props {
  group: FaceGroup;
  releases: readonly Release[];
  selected: boolean;
  onToggle: () => void;
  onShow: () => void;
  onSplit: () => void;
  /** Throws the engine's refusal for the form to show. */
  onRename: (name: string | null) => Promise<void>;
  /** Answers how many photos the release now covers. */
  onAttach: (releaseId: number) => Promise<number>;
}

type Editing = 'rename' | 'attach' | null;

export function FaceGroupCard(props: Props) {
  const { group, releases, selected, onToggle, onShow, onSplit } = props;
  const [editing, setEditing] = useState<Editing>(null);
  const [attached, setAttached] = useState<string | null>(null);
  const name = groupName(group);
  const held = releases.filter((r) => group.releaseIds.includes(r.id));
  return (
    <li className="face-group" data-testid="face-group" data-group-id={group.id}>
      <button
        type="button"
        className="face-group-open"
        aria-label={`Show the photos of ${name}`}
        title="Show the photos of this person in the Library"
        onClick={onShow}
      >
        <FaceImage assetId={group.coverAssetId} box={group.coverBox} label={`Face of ${name}`} />
      </button>
      <label className="face-group-pick">
        <input type="checkbox" checked={selected} onChange={onToggle} />
        <span className={group.name === null ? 'face-group-name dim' : 'face-group-name'}>
          {name}
        </span>
      </label>
      <span className="face-group-facts dim" data-testid="face-group-facts">
        {formatCount(group.faces)} {group.faces === 1 ? 'face' : 'faces'} ·{' '}
        {formatCount(group.assets)} {group.assets === 1 ? 'photo' : 'photos'}
      </span>
      {held.length > 0 && (
        <ul className="face-group-releases" data-testid="face-group-releases">
          {held.map((r) => (
            <li key={r.id}>{releaseLabel(r)}</li>
          ))}
        </ul>
      )}
      {attached !== null && (
        <p className="face-group-note" role="status">
          {attached}
        </p>
      )}
      {editing === 'rename' ? (
        <NameForm
          label={`Name of ${name}`}
          submit="Save"
          initial={group.name ?? ''}
          optional
          placeholder="No name"
          maxLength={200}
          onCancel={() => setEditing(null)}
          onSubmit={async (next) => {
            // An empty field clears the name.
            await props.onRename(next === '' ? null : next);
            setEditing(null);
          }}
        />
      ) : editing === 'attach' ? (
        <AttachReleaseForm
          person={name}
          releases={releases.filter((r) => !group.releaseIds.includes(r.id))}
          onCancel={() => setEditing(null)}
          onAttach={async (releaseId) => {
            const assets = await props.onAttach(releaseId);
            setEditing(null);
            setAttached(`Release linked to ${formatCount(assets)} photos.`);
          }}
        />
      ) : (
        <div className="face-group-actions">
          <button type="button" aria-label={`Rename ${name}`} onClick={() => setEditing('rename')}>
            Rename
          </button>
          <button type="button" aria-label={`Faces of ${name}: split some off`} onClick={onSplit}>
            Faces…
          </button>
          <button
            type="button"
            aria-label={`Attach a release to every photo of ${name}`}
            onClick={() => {
              setAttached(null);
              setEditing('attach');
            }}
          >
            Release…
          </button>
        </div>
      )}
    </li>
  );
}

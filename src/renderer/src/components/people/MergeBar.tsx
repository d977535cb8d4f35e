// With two or more people selected: merge them into one of them (the one kept is chosen;
// by default the first with a name). The others' faces move into it and they are gone.
import { useState } from 'react';
import type { FaceGroup } from '../../../../shared/ai-dto';
import { groupName } from './FaceGroupCard';

interface Props {
  /** The selected groups, in the view's order. */
  groups: readonly FaceGroup[];
  onMerge: (into: number, from: number[]) => Promise<void>;
}

export function MergeBar({ groups, onMerge }: Props) {
  const [chosen, setChosen] = useState<number | null>(null);
  if (groups.length < 2) return null;
  const fallback = (groups.find((g) => g.name !== null) ?? groups[0]) as FaceGroup;
  const into = groups.some((g) => g.id === chosen) ? (chosen as number) : fallback.id;
  return (
    <div className="people-merge" role="group" aria-label="Merge people" data-testid="people-merge">
      <span>Merge {groups.length} people into</span>
      <select
        aria-label="The person to keep"
        value={into}
        onChange={(e) => setChosen(Number(e.target.value))}
      >
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {groupName(g)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="primary"
        onClick={() =>
          void onMerge(
            into,
            groups.filter((g) => g.id !== into).map((g) => g.id),
          )
        }
      >
        Merge
      </button>
    </div>
  );
}

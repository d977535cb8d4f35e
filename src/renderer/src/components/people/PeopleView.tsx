// The People view: "same person" groups the AI made from faces across the library, each
// shown by a face cropped from its cover photo. Name them, merge several into one, split
// faces off into a new person, attach a model release to every photo of a person, and
// open a person's photos in the Library grid (the search term face:<id>).
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { FaceGroup } from '../../../../shared/ai-dto';
import type { Release } from '../../../../shared/rights-dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { FaceSources, FaceSourcesContext } from './face-sources';
import { FaceGroupCard, groupName } from './FaceGroupCard';
import { MergeBar } from './MergeBar';
import { SplitPanel } from './SplitPanel';

/** People drawn at first, and per "Show more": each face reads its photo's row once. */
const PAGE = 120;

/** The search for a group's photos (the people terms: face:<group name or id>). */
export function faceQuery(id: number): string {
  return `face:${id}`;
}

export function PeopleView() {
  const { client, stores } = useServices();
  const sources = useMemo(() => new FaceSources(client), [client]);
  const [round, setRound] = useState(0);
  const [groups, setGroups] = useState<FaceGroup[] | null>(null);
  const [releases, setReleases] = useState<Release[]>([]);
  const [failed, setFailed] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [splitting, setSplitting] = useState<number | null>(null);
  const [shown, setShown] = useState(PAGE);
  const changed = useCallback(() => setRound((n) => n + 1), []);
  // Grouping after each batch of the AI job, and edits here or from the CLI, say so.
  useEffect(() => client.on('faceGroups.changed', changed), [client, changed]);

  useEffect(() => {
    let live = true;
    // Faces may have moved between groups: boxes and groups are read again.
    sources.forgetAnalyses();
    // Without the releases, only attaching is out of reach: the groups still show.
    const known = client.call('releases.list', {}).catch((cause: unknown) => {
      stores.notices.getState().report('Could not read the releases', cause);
      return [];
    });
    Promise.all([client.call('faceGroups.list', {}), known]).then(
      ([list, held]) => {
        if (!live) return;
        setFailed(false);
        setGroups(list);
        setReleases(held);
        // Merged or split away groups leave the selection.
        setSelected((s) => new Set([...s].filter((id) => list.some((g) => g.id === id))));
      },
      (cause: unknown) => {
        if (live) setFailed(true);
        stores.notices.getState().report('Could not read the people', cause);
      },
    );
    return () => {
      live = false;
    };
  }, [round, sources, client, stores]);

  /** Runs a change; a failure goes to the notices; the view reads again either way. */
  const act = async (title: string, work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (cause) {
      stores.notices.getState().report(title, cause);
    }
    changed();
  };
  const toggle = (id: number): void =>
    setSelected((s) => {
      const next = new Set(s);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const showPhotos = (id: number): void => {
    stores.assets
      .getState()
      .setView({ query: faceQuery(id), catalogId: null, folder: null, collection: null });
    stores.nav.getState().show('library');
  };
  const split = groups?.find((g) => g.id === splitting) ?? null;

  return (
    <FaceSourcesContext.Provider value={sources}>
      <div className="people-view" role="region" aria-label="People" data-testid="people-view">
        <div className="people-head">
          <h2>People</h2>
          {groups !== null && (
            <span className="dim" data-testid="people-count">
              {formatCount(groups.length)} {groups.length === 1 ? 'person' : 'people'}
            </span>
          )}
        </div>
        {groups === null ? (
          <p className="dim">{failed ? 'Could not read the people.' : 'Loading…'}</p>
        ) : groups.length === 0 ? (
          <p className="dim" data-testid="people-empty">
            No faces found yet. The AI groups the faces it finds as it analyses the library (Run all
            in the Library’s sidebar).
          </p>
        ) : (
          <>
            <MergeBar
              groups={groups.filter((g) => selected.has(g.id))}
              onMerge={(into, from) =>
                act('Could not merge the people', async () => {
                  await client.call('faceGroups.merge', { into, from });
                  setSelected(new Set());
                })
              }
            />
            <ul className="people-grid">
              {groups.slice(0, shown).map((g) => (
                <FaceGroupCard
                  key={g.id}
                  group={g}
                  releases={releases}
                  selected={selected.has(g.id)}
                  onToggle={() => toggle(g.id)}
                  onShow={() => showPhotos(g.id)}
                  onSplit={() => setSplitting(g.id)}
                  onRename={async (name) => {
                    await client.call('faceGroups.rename', { id: g.id, name });
                    changed();
                  }}
                  onAttach={async (releaseId) => {
                    const { assets } = await client.call('faceGroups.attachRelease', {
                      id: g.id,
                      releaseId,
                    });
                    changed();
                    return assets;
                  }}
                />
              ))}
            </ul>
            {groups.length > shown && (
              <button
                type="button"
                className="people-more"
                onClick={() => setShown((n) => n + PAGE)}
              >
                Show {formatCount(Math.min(PAGE, groups.length - shown))} more of{' '}
                {formatCount(groups.length - shown)}
              </button>
            )}
            {split !== null && (
              <SplitPanel
                key={split.id}
                group={split}
                name={groupName(split)}
                onClose={() => setSplitting(null)}
                onSplit={(faceIds) =>
                  act('Could not split the faces off', async () => {
                    await client.call('faceGroups.split', { id: split.id, faceIds });
                    setSplitting(null);
                  })
                }
              />
            )}
          </>
        )}
      </div>
    </FaceSourcesContext.Provider>
  );
}

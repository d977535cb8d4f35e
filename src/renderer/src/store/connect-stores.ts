// Feeds engine events into the stores, links stores that depend on each other, and loads
// the initial state. Returns a function that undoes all of it.
import type { Client } from '../client';
import type { Stores } from './create-stores';

export function connectStores(client: Client, stores: Stores): () => void {
  const { catalogs, folders, assets, selection, jobs, loupe } = stores;
  const { presets, exportJob, tags, compare, products, collections, edits, jobList } = stores;
  // Deleting a product or a collection is an undo step that returns no EditResult.
  const relearnHistory = () => void edits.getState().refresh();
  // Collection counts follow assets and tags (a saved search finds what was just tagged).
  const recount = () => void collections.getState().refresh();
  const stops = [
    client.on('collections.changed', recount),
    client.on('collections.changed', relearnHistory),
    client.on('products.changed', relearnHistory),
    client.on('tags.changed', recount),
    client.on('catalogs.changed', () => {
      void catalogs.getState().refresh();
      folders.getState().refreshSoon();
    }),
    client.on('assets.changed', ({ catalogId, only }) => {
      assets.getState().invalidate(catalogId, only);
      // Catalog, folder and collection counts move with the rows; AI results move only
      // saved searches' counts.
      recount();
      if (only === 'ai') return;
      void catalogs.getState().refresh();
      folders.getState().refreshSoon();
    }),
    // A spin made, changed, dissolved or undone: frames hide or show, tiles change badge.
    client.on('spins.changed', () => {
      assets.getState().invalidate(null);
      relearnHistory();
    }),
    // The daily job saw a licence end or enter its window: the grid's rights badges move.
    client.on('rights.changed', () => assets.getState().invalidate(null)),
    client.on('tags.changed', () => void tags.getState().refresh()),
    client.on('products.changed', () => {
      // Products load when first shown; until then there is nothing to refresh.
      if (products.getState().total !== null) void products.getState().refresh();
      // Linking moves rows out of (and undo back into) the "not linked" grid.
      if (assets.getState().view.filter === 'unlinked') assets.getState().invalidate(null);
    }),
    client.on('assets.indexed', ({ items }) => assets.getState().applyIndexed(items)),
    client.on('assets.placeholders', ({ items }) => assets.getState().applyPlaceholders(items)),
    client.on('jobs.progress', (progress) => {
      const wasRunning = jobs.getState().progress?.running === true;
      jobs.getState().apply(progress);
      // Error counts per catalog settle when a run ends.
      if (wasRunning && !progress.running) void catalogs.getState().refresh();
    }),
    client.on('jobs.changed', ({ job }) => jobList.getState().apply(job)),
    // The AI job moved on: its results and counts did too.
    client.on('jobs.changed', ({ job }) => stores.ai.getState().jobChanged(job)),
    client.on('exports.progress', (progress) => exportJob.getState().apply(progress)),
    // Only a list someone has opened is kept fresh.
    client.on('presets.changed', () => {
      if (presets.getState().status !== 'idle') void presets.getState().load();
    }),
    // A selection belongs to one list: switching catalog, folder, filter or sort drops it.
    assets.subscribe((state, previous) => {
      if (state.view !== previous.view) selection.getState().clear();
    }),
    // The loupe shows the selection; with none there is nothing to show.
    selection.subscribe((state) => {
      if (state.index === null && loupe.getState().open) loupe.getState().close();
      if (state.index === null && compare.getState().open) compare.getState().close();
    }),
  ];

  void catalogs.getState().refresh();
  void folders.getState().refresh();
  void jobs.getState().load();
  void jobList.getState().load();
  recount();
  // The history is durable: after a restart, Undo knows what the last session left.
  relearnHistory();

  return () => {
    for (const stop of stops) stop();
  };
}

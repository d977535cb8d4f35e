// The keyword panel's edits, each one undoable step through the edits store.
import type { AppServices } from '../../app-context';

export function renameTag({ client, stores }: AppServices, id: number, name: string) {
  return stores.edits
    .getState()
    .run('Could not rename the keyword', () => client.call('tags.rename', { id, name }));
}

/** parentId 0: to the top level. */
export function moveTag({ client, stores }: AppServices, id: number, parentId: number) {
  return stores.edits
    .getState()
    .run('Could not move the keyword', () => client.call('tags.move', { id, parentId }));
}

export function mergeTag({ client, stores }: AppServices, from: number, into: number) {
  return stores.edits
    .getState()
    .run('Could not merge the keywords', () => client.call('tags.merge', { from, into }));
}

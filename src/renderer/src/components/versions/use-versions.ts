// An asset's versions (versions.list), read when it is shown and again when its content
// changes, with the two actions that make a new version: restore and replace. Both answer
// the new list, shown at once; the engine's assets.changed brings the rest of the app along.
import { useCallback, useEffect, useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { PackshotError } from '../../../../shared/errors';
import type { VersionList } from '../../../../shared/version-dto';
import { useServices } from '../../app-context';
import { uploadFile } from '../products/csv/upload-file';

export interface Versions {
  list: VersionList | null;
  /** A restore or replace under way (its buttons wait). */
  busy: boolean;
  restore: (n: number) => Promise<void>;
  /** A chosen or dropped file: its path on the desktop, else its bytes as an upload. */
  replace: (file: File) => Promise<void>;
}

export function useVersions(asset: Asset): Versions {
  const { client, stores } = useServices();
  const [list, setList] = useState<VersionList | null>(null);
  const [busy, setBusy] = useState(false);
  const { id } = asset;
  const content = `${asset.hash ?? ''}:${asset.versions}:${asset.state}`;

  useEffect(() => {
    let current = true;
    client.call('versions.list', { id }).then(
      (answer) => {
        if (current) setList(answer);
      },
      (cause: unknown) => {
        if (!current || (cause instanceof PackshotError && cause.code === 'not_found')) return;
        stores.notices.getState().report('Could not read the versions', cause);
      },
    );
    return () => {
      current = false;
    };
  }, [id, content, client, stores]);

  const act = useCallback(
    async (what: string, run: () => Promise<VersionList>) => {
      setBusy(true);
      try {
        setList(await run());
      } catch (cause) {
        stores.notices.getState().report(what, cause);
      } finally {
        setBusy(false);
      }
    },
    [stores],
  );

  const restore = useCallback(
    (n: number) =>
      act(`Could not restore version ${n}`, () => client.call('versions.restore', { id, n })),
    [act, client, id],
  );

  const replace = useCallback(
    (file: File) =>
      act(`Could not replace the file with ${file.name}`, async () => {
        const [path] = client.pathsOfFiles([file]);
        if (path !== undefined) return client.call('versions.replace', { id, path });
        const uploadId = await uploadFile(client, file);
        const name = file.name.slice(0, 255);
        return client.call('versions.replace', { id, uploadId, ...(name ? { name } : {}) });
      }),
    [act, client, id],
  );

  return { list: list?.id === id ? list : null, busy, restore, replace };
}

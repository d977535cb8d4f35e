// The products store as the actions a drop needs; OS files become paths here (only the
// desktop host can say where a dropped file lives).
import { useMemo } from 'react';
import { useServices } from '../app-context';
import type { DropActions } from './product-drop';

export function useDropActions(): DropActions {
  const { client, stores } = useServices();
  return useMemo(() => {
    const products = () => stores.products.getState();
    return {
      addLinks: (...args) => products().addLinks(...args),
      moveLink: (...args) => products().moveLink(...args),
      setMain: (...args) => products().setMain(...args),
      offerFiles(productId, role, files) {
        const paths = client.pathsOfFiles(files);
        if (paths.length === 0) return;
        products().offerFiles({ productId, role, paths });
      },
    };
  }, [client, stores]);
}

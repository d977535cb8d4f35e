// The loupe for a glTF/GLB: an interactive viewer (drag to orbit, wheel or pinch to zoom,
// two lighting setups) over the model the engine serves as one GLB. The grid's rendered
// thumbnail is its poster while it loads; a model that cannot be shown says why. ←/→ move
// through the list here too (as for spins): the viewer never keeps the keyboard.
import {
  useCallback,
  useEffect,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type Key,
  type Ref,
} from 'react';
import type { Asset } from '../../../../shared/dto';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { loadModelViewer } from './load-model-viewer';

interface ModelViewerAttributes extends HTMLAttributes<HTMLElement> {
  key?: Key;
  ref?: Ref<HTMLElement>;
  src: string;
  poster?: string;
  alt: string;
  'camera-controls'?: string;
  'environment-image'?: string;
  'shadow-intensity'?: string;
  'interaction-prompt'?: string;
  'touch-action'?: string;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'model-viewer': ModelViewerAttributes;
    }
  }
}

/** The two lights model-viewer ships: a soft studio room, and a brighter three-point set. */
const LIGHTING = [
  { id: 'neutral', label: 'Studio light' },
  { id: 'legacy', label: 'Bright light' },
] as const;

type ViewerState = 'loading' | 'ready' | 'failed';

/** Whether the loupe shows this asset in the 3D viewer (glTF and GLB, read at index). */
export function isViewableModel(asset: Asset): boolean {
  return asset.kind === 'model' && asset.hash !== null && /\.(glb|gltf)$/i.test(asset.name);
}

export function ModelLoupe({
  asset,
  index,
  total,
}: {
  asset: Asset;
  index: number | null;
  total: number;
}) {
  const { client } = useServices();
  const hash = asset.hash ?? '';
  const src = client.modelUrl(hash);
  const poster = asset.thumb === 'ready' ? client.thumbUrl(hash) : undefined;
  const [state, setState] = useState<{ src: string; is: ViewerState }>({ src, is: 'loading' });
  const [defined, setDefined] = useState(false);
  const [lighting, setLighting] = useState(0);
  const shown: ViewerState = state.src === src ? state.is : 'loading';

  useEffect(() => {
    let live = true;
    loadModelViewer().then(
      () => live && setDefined(true),
      () => live && setState({ src, is: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [src]);

  // A callback ref: the listeners are on the element from the commit that adds it, before
  // model-viewer can report anything, and a model it already holds counts as loaded.
  const watch = useCallback(
    (element: HTMLElement | null) => {
      if (element === null) return;
      const loaded = (): void => setState({ src, is: 'ready' });
      const failed = (): void => setState({ src, is: 'failed' });
      const progress = (event: Event): void => {
        const done = (event as CustomEvent<{ totalProgress?: number }>).detail.totalProgress;
        if (done === 1 && (element as { loaded?: boolean }).loaded === true) loaded();
      };
      element.addEventListener('load', loaded);
      element.addEventListener('error', failed);
      element.addEventListener('progress', progress);
      if ((element as { loaded?: boolean }).loaded === true) loaded();
      return () => {
        element.removeEventListener('load', loaded);
        element.removeEventListener('error', failed);
        element.removeEventListener('progress', progress);
      };
    },
    [src],
  );

  // A click focuses model-viewer (camera-controls), whose arrow keys turn the model and then
  // bubble on to step the list too. Focus goes back to the loupe: ←/→ only step, drag turns.
  const keepKeys = (event: FocusEvent<HTMLDivElement>): void => {
    event.currentTarget.closest<HTMLElement>('.loupe')?.focus({ preventScroll: true });
  };

  const light = LIGHTING[lighting] ?? LIGHTING[0];
  return (
    <>
      <div
        className="loupe-stage model-stage"
        data-testid="model-stage"
        data-state={shown}
        onFocus={keepKeys}
      >
        {shown === 'failed' ? (
          <div className="model-failed" data-testid="model-failed" role="alert">
            {poster !== undefined && <img className="loupe-stand-in" src={poster} alt="" />}
            <p>
              This model cannot be shown in 3D
              {asset.error !== null ? `: ${asset.error}` : '.'}
            </p>
          </div>
        ) : (
          defined && (
            <model-viewer
              key={src}
              ref={watch}
              className="model-viewer"
              data-testid="model-viewer"
              src={src}
              poster={poster}
              alt={asset.name}
              camera-controls=""
              environment-image={light.id}
              shadow-intensity="1"
              interaction-prompt="none"
              touch-action="none"
            />
          )
        )}
      </div>
      <header className="loupe-bar">
        <span className="loupe-name" title={asset.relPath}>
          {asset.name}
        </span>
        {index !== null && (
          <span className="loupe-position">
            {formatCount(index + 1)} / {formatCount(total)}
          </span>
        )}
        <button
          type="button"
          className="model-light"
          data-testid="model-light"
          title="Switch the lighting"
          onClick={() => setLighting((lighting + 1) % LIGHTING.length)}
        >
          {light.label}
        </button>
        {shown === 'loading' && (
          <span className="spinner" role="status" aria-label="Loading the model" />
        )}
      </header>
      {shown !== 'failed' && (
        <footer className="loupe-note" data-testid="loupe-reason" role="status">
          {asset.error ?? 'Drag to turn, scroll or pinch to zoom'}
        </footer>
      )}
    </>
  );
}

// One face, cropped from its asset's thumbnail by CSS: the frame sets the crop as custom
// properties (a style object, applied through the CSSOM, which the page's CSP allows), the
// stylesheet scales and shifts the thumbnail. Until the thumbnail is known, or when there is
// none, the frame shows a neutral mark.
import { useEffect, useState, type CSSProperties } from 'react';
import type { AiBox } from '../../../../shared/ai-dto';
import { useServices } from '../../app-context';
import { faceCrop } from './face-crop';
import { useFaceSources } from './face-sources';

interface Props {
  assetId: number;
  /** The face's box; null while it is being read (or when the face is gone). */
  box: AiBox | null;
  /** What the face is, for assistive tech ("Face of Ann"). */
  label: string;
}

export function FaceImage({ assetId, box, label }: Props) {
  const { client } = useServices();
  const sources = useFaceSources();
  const [thumb, setThumb] = useState<{ url: string; aspect: number } | null>(null);
  useEffect(() => {
    let live = true;
    sources.asset(assetId).then(
      (asset) => {
        if (!live || asset.hash === null || asset.thumb !== 'ready') return;
        const width = asset.displayWidth ?? asset.width ?? 1;
        const height = asset.displayHeight ?? asset.height ?? 1;
        setThumb({ url: client.thumbUrl(asset.hash), aspect: width / height });
      },
      // A face whose asset cannot be read shows the neutral mark; nothing to tell.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [assetId, sources, client]);

  if (thumb === null || box === null)
    return (
      <span
        className="face-image is-empty"
        role="img"
        aria-label={label}
        data-testid="face-image"
      />
    );
  const crop = faceCrop(box, thumb.aspect);
  const style = {
    '--face-x': crop.x.toFixed(4),
    '--face-y': crop.y.toFixed(4),
    '--face-w': crop.w.toFixed(4),
  } as CSSProperties;
  return (
    <span
      className="face-image"
      role="img"
      aria-label={label}
      data-testid="face-image"
      style={style}
    >
      <img src={thumb.url} alt="" decoding="async" draggable={false} />
    </span>
  );
}

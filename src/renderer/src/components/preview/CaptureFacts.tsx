// How the picture was made: when, with what, at which settings, where; and its colour.
import type { Asset, AssetMetadata } from '../../../../shared/dto';
import { formatCamera } from '../../format/camera';
import { formatCaptureDate } from '../../format/date';
import { formatExposure } from '../../format/exposure';
import { formatGps } from '../../format/location';
import { formatBitDepth } from '../../format/media';
import { Fact } from './Fact';

export function CaptureFacts({ asset, meta }: { asset: Asset; meta: AssetMetadata | null }) {
  const captured = meta?.capturedAt ?? asset.capturedAt;
  const camera = (meta !== null ? formatCamera(meta.make, meta.model) : null) ?? asset.camera;
  return (
    <>
      <Fact label="Captured" testId="preview-captured">
        {captured !== null ? formatCaptureDate(captured) : null}
      </Fact>
      <Fact label="Camera" testId="preview-camera">
        {camera}
      </Fact>
      {meta !== null && (
        <>
          <Fact label="Lens" testId="preview-lens">
            {meta.lens}
          </Fact>
          <Fact label="Exposure" testId="preview-exposure">
            {formatExposure(meta)}
          </Fact>
          <Fact label="Location" testId="preview-gps">
            {meta.gps !== null ? formatGps(meta.gps) : null}
          </Fact>
          <Fact label="Colour space" testId="preview-color-space">
            {meta.colorSpace}
          </Fact>
          <Fact label="ICC profile" testId="preview-icc">
            {meta.iccProfile}
          </Fact>
          <Fact label="Bit depth" testId="preview-bit-depth">
            {meta.bitDepth !== null ? formatBitDepth(meta.bitDepth, meta.hasAlpha) : null}
          </Fact>
        </>
      )}
    </>
  );
}

// A small software rasteriser for model thumbnails: no GPU, no display, so CI and
// `packshot scan` draw them. Orthographic 3/4 view (35° round, 25° down) fitted to the
// bounds, a z-buffer, flat Lambert shading per triangle from a key light over the camera's
// left shoulder plus ambient, both faces lit (many models are not closed). It draws base
// colours only: no textures, vertex colours, transparency or shadows.

export interface RasterInput {
  corners: Float32Array;
  colors: Uint8Array;
  count: number;
  min: [number, number, number];
  max: [number, number, number];
}

export const BACKGROUND: readonly [number, number, number] = [238, 238, 236];
const AZIMUTH = (35 * Math.PI) / 180;
const ELEVATION = (25 * Math.PI) / 180;
/** Share of the frame the model's projected bounds fill. */
const FILL = 0.86;
const AMBIENT = 0.32;

type Vec = [number, number, number];
const dot = (a: Vec, b: Vec): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const cross = (a: Vec, b: Vec): Vec => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
const norm = (a: Vec): Vec => {
  const l = Math.hypot(a[0], a[1], a[2]) || 1;
  return [a[0] / l, a[1] / l, a[2] / l];
};

/** RGBA pixels (width × height × 4) of the triangles seen from the 3/4 view. */
export function rasterise(input: RasterInput, width: number, height: number): Uint8Array {
  const px = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    px[i * 4] = BACKGROUND[0];
    px[i * 4 + 1] = BACKGROUND[1];
    px[i * 4 + 2] = BACKGROUND[2];
    px[i * 4 + 3] = 255;
  }
  const { min, max } = input;
  const centre: Vec = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  // glTF is Y-up: the camera sits front-right, above, looking at the centre.
  const toCamera: Vec = norm([
    Math.cos(ELEVATION) * Math.sin(AZIMUTH),
    Math.sin(ELEVATION),
    Math.cos(ELEVATION) * Math.cos(AZIMUTH),
  ]);
  const right = norm(cross([0, 1, 0], toCamera));
  const up = cross(toCamera, right);
  const light = norm([
    -0.45 * right[0] + 0.8 * up[0] + 0.55 * toCamera[0],
    -0.45 * right[1] + 0.8 * up[1] + 0.55 * toCamera[1],
    -0.45 * right[2] + 0.8 * up[2] + 0.55 * toCamera[2],
  ]);
  // Fit: the bounds' eight corners projected on the screen axes.
  let half = 0;
  for (let k = 0; k < 8; k++) {
    const c: Vec = [
      (k & 1 ? max[0] : min[0]) - centre[0],
      (k & 2 ? max[1] : min[1]) - centre[1],
      (k & 4 ? max[2] : min[2]) - centre[2],
    ];
    half = Math.max(half, Math.abs(dot(c, right)) / width, Math.abs(dot(c, up)) / height);
  }
  const scale = half > 0 ? FILL / 2 / half : 1;
  const zbuf = new Float32Array(width * height).fill(-Infinity);
  const { corners, colors } = input;
  const [cx, cy, cz] = centre;
  const [lx, ly, lz] = light;
  // Scalars only in this loop: it runs once per triangle (up to the render cap).
  const screen = new Float64Array(9);
  for (let t = 0; t < input.count; t++) {
    const o = t * 9;
    for (let k = 0; k < 3; k++) {
      const dx = (corners[o + k * 3] as number) - cx;
      const dy = (corners[o + k * 3 + 1] as number) - cy;
      const dz = (corners[o + k * 3 + 2] as number) - cz;
      screen[k * 3] = width / 2 + (dx * right[0] + dy * right[1] + dz * right[2]) * scale;
      screen[k * 3 + 1] = height / 2 - (dx * up[0] + dy * up[1] + dz * up[2]) * scale;
      screen[k * 3 + 2] = dx * toCamera[0] + dy * toCamera[1] + dz * toCamera[2];
    }
    const ux = (corners[o + 3] as number) - (corners[o] as number);
    const uy = (corners[o + 4] as number) - (corners[o + 1] as number);
    const uz = (corners[o + 5] as number) - (corners[o + 2] as number);
    const vx = (corners[o + 6] as number) - (corners[o] as number);
    const vy = (corners[o + 7] as number) - (corners[o + 1] as number);
    const vz = (corners[o + 8] as number) - (corners[o + 2] as number);
    const nx = uy * vz - uz * vy;
    const ny = uz * vx - ux * vz;
    const nz = ux * vy - uy * vx;
    const length = Math.hypot(nx, ny, nz) || 1;
    const shade = AMBIENT + ((1 - AMBIENT) * Math.abs(nx * lx + ny * ly + nz * lz)) / length;
    const color =
      (Math.min(255, (colors[t * 3] as number) * shade) << 16) |
      (Math.min(255, (colors[t * 3 + 1] as number) * shade) << 8) |
      Math.min(255, (colors[t * 3 + 2] as number) * shade);
    fillTriangle(px, zbuf, width, height, screen, color);
  }
  return px;
}

/** Fills one projected triangle (x, y, depth per corner) where it is nearer than the z-buffer. */
function fillTriangle(
  px: Uint8Array,
  zbuf: Float32Array,
  width: number,
  height: number,
  p: Float64Array,
  color: number,
): void {
  const x0 = p[0] as number;
  const y0 = p[1] as number;
  const z0 = p[2] as number;
  const x1 = p[3] as number;
  const y1 = p[4] as number;
  const z1 = p[5] as number;
  const x2 = p[6] as number;
  const y2 = p[7] as number;
  const z2 = p[8] as number;
  const area = (x1 - x0) * (y2 - y0) - (x2 - x0) * (y1 - y0);
  if (area === 0 || !Number.isFinite(area)) return;
  const minX = Math.max(0, Math.floor(Math.min(x0, x1, x2)));
  const maxX = Math.min(width - 1, Math.ceil(Math.max(x0, x1, x2)));
  const minY = Math.max(0, Math.floor(Math.min(y0, y1, y2)));
  const maxY = Math.min(height - 1, Math.ceil(Math.max(y0, y1, y2)));
  const inv = 1 / area;
  const r = (color >> 16) & 255;
  const g = (color >> 8) & 255;
  const b = color & 255;
  for (let y = minY; y <= maxY; y++) {
    const py = y + 0.5;
    for (let x = minX; x <= maxX; x++) {
      const pxc = x + 0.5;
      // Barycentric weights; the sign of the area makes both windings fill.
      const w0 = ((x1 - pxc) * (y2 - py) - (x2 - pxc) * (y1 - py)) * inv;
      const w1 = ((x2 - pxc) * (y0 - py) - (x0 - pxc) * (y2 - py)) * inv;
      const w2 = 1 - w0 - w1;
      if (w0 < 0 || w1 < 0 || w2 < 0) continue;
      const z = w0 * z0 + w1 * z1 + w2 * z2;
      const at = y * width + x;
      if (z <= (zbuf[at] as number)) continue;
      zbuf[at] = z;
      px[at * 4] = r;
      px[at * 4 + 1] = g;
      px[at * 4 + 2] = b;
    }
  }
}

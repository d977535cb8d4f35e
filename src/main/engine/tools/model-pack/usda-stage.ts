// A glTF document as a USDA text stage for AR Quick Look: metres, Y up; an Xform per node
// (its matrix), a Mesh per triangle primitive (points, faceVertexCounts, faceVertexIndices,
// normals, st), a UsdPreviewSurface per material (base colour, metallic/roughness, normal,
// occlusion, emissive; factors and textures). Pure: textures are named by the caller.
import {
  Primitive,
  type TextureInfo,
  type Document,
  type Material,
  type Node,
  type Texture,
} from '@gltf-transform/core';
import { trianglesOf } from './model-stats';

export interface UsdaStage {
  text: string;
  meshes: number;
  triangles: number;
}

type Slot = 'baseColor' | 'metallicRoughness' | 'normal' | 'occlusion' | 'emissive';

const WRAP: Record<number, string> = {
  33071: 'clamp', // CLAMP_TO_EDGE
  33648: 'mirror', // MIRRORED_REPEAT
  10497: 'repeat',
};

/** @param files each texture's path inside the USDZ; a texture without one is left out. */
export function usdaStage(doc: Document, files: ReadonlyMap<Texture, string>): UsdaStage {
  const root = doc.getRoot();
  const out: string[] = [
    '#usda 1.0',
    '(',
    '    defaultPrim = "Root"',
    '    metersPerUnit = 1',
    '    upAxis = "Y"',
    ')',
    '',
    'def Xform "Root" (',
    '    kind = "component"',
    ')',
    '{',
  ];
  const materials = new Map<Material, string>();
  root.listMaterials().forEach((m, i) => materials.set(m, `M_${i}_${safe(m.getName())}`));
  if (materials.size > 0) {
    out.push('    def Scope "Materials"', '    {');
    for (const [m, name] of materials) out.push(...material(m, name, files));
    out.push('    }');
  }
  const counts = { meshes: 0, triangles: 0, next: 0 };
  const scene = root.getDefaultScene() ?? root.listScenes()[0];
  for (const node of scene?.listChildren() ?? [])
    out.push(...xform(node, '/Root', 1, materials, counts));
  out.push('}', '');
  return { text: out.join('\n'), meshes: counts.meshes, triangles: counts.triangles };
}

function xform(
  node: Node,
  parent: string,
  depth: number,
  materials: ReadonlyMap<Material, string>,
  counts: { meshes: number; triangles: number; next: number },
): string[] {
  const pad = '    '.repeat(depth);
  const name = `N_${counts.next++}_${safe(node.getName())}`;
  const path = `${parent}/${name}`;
  const m = node.getMatrix();
  // glTF's column-major array read row by row is USD's row-vector matrix.
  const rows = [0, 4, 8, 12].map(
    (i) => `(${[0, 1, 2, 3].map((j) => num(m[i + j] ?? 0)).join(', ')})`,
  );
  const lines = [
    `${pad}def Xform "${name}"`,
    `${pad}{`,
    `${pad}    matrix4d xformOp:transform = (${rows.join(', ')})`,
    `${pad}    uniform token[] xformOpOrder = ["xformOp:transform"]`,
  ];
  node
    .getMesh()
    ?.listPrimitives()
    .forEach((prim, i) => {
      const mesh = meshPrim(prim, `P_${i}`, `${pad}    `, materials);
      if (!mesh) return;
      counts.meshes++;
      counts.triangles += mesh.triangles;
      lines.push(...mesh.lines);
    });
  for (const child of node.listChildren())
    lines.push(...xform(child, path, depth + 1, materials, counts));
  lines.push(`${pad}}`);
  return lines;
}

function meshPrim(
  prim: Primitive,
  name: string,
  pad: string,
  materials: ReadonlyMap<Material, string>,
): { lines: string[]; triangles: number } | null {
  const position = prim.getAttribute('POSITION');
  if (!position || trianglesOf(prim) === 0) return null;
  const idx = triangleIndices(prim);
  const el: number[] = [];
  const vec = (semantic: string, map: (v: number[]) => string): string | null => {
    const a = prim.getAttribute(semantic);
    if (!a) return null;
    const parts: string[] = [];
    for (let i = 0; i < a.getCount(); i++) parts.push(map(a.getElement(i, el)));
    return `[${parts.join(', ')}]`;
  };
  const xyz = (v: number[]): string => `(${num(v[0])}, ${num(v[1])}, ${num(v[2])})`;
  const st = (v: number[]): string => `(${num(v[0])}, ${num(1 - (v[1] ?? 0))})`;
  const mat = prim.getMaterial();
  const lines = [
    `${pad}def Mesh "${name}" (`,
    `${pad}    prepend apiSchemas = ["MaterialBindingAPI"]`,
    `${pad})`,
    `${pad}{`,
    `${pad}    uniform token subdivisionScheme = "none"`,
    `${pad}    int[] faceVertexCounts = [${new Array<string>(idx.length / 3).fill('3').join(', ')}]`,
    `${pad}    int[] faceVertexIndices = [${idx.join(', ')}]`,
    `${pad}    point3f[] points = ${vec('POSITION', xyz)}`,
  ];
  const min = position.getMin([]);
  const max = position.getMax([]);
  lines.push(`${pad}    float3[] extent = [${xyz(min)}, ${xyz(max)}]`);
  const normals = vec('NORMAL', xyz);
  if (normals)
    lines.push(
      `${pad}    normal3f[] normals = ${normals} (`,
      `${pad}        interpolation = "vertex"`,
      `${pad}    )`,
    );
  for (const [semantic, varname] of [
    ['TEXCOORD_0', 'st'],
    ['TEXCOORD_1', 'st1'],
  ] as const) {
    const uv = vec(semantic, st);
    if (uv)
      lines.push(
        `${pad}    texCoord2f[] primvars:${varname} = ${uv} (`,
        `${pad}        interpolation = "vertex"`,
        `${pad}    )`,
      );
  }
  if (mat?.getDoubleSided()) lines.push(`${pad}    uniform bool doubleSided = 1`);
  const bound = mat && materials.get(mat);
  if (bound) lines.push(`${pad}    rel material:binding = </Root/Materials/${bound}>`);
  lines.push(`${pad}}`);
  return { lines, triangles: idx.length / 3 };
}

/** Triangle list indices of a triangles, strip or fan primitive. */
function triangleIndices(prim: Primitive): number[] {
  const indices = prim.getIndices();
  const n = indices?.getCount() ?? prim.getAttribute('POSITION')?.getCount() ?? 0;
  const at = (i: number): number => (indices ? indices.getScalar(i) : i);
  const out: number[] = [];
  const mode = prim.getMode();
  if (mode === Primitive.Mode.TRIANGLES)
    for (let i = 0; i + 2 < n; i += 3) out.push(at(i), at(i + 1), at(i + 2));
  else if (mode === Primitive.Mode.TRIANGLE_STRIP)
    for (let i = 0; i + 2 < n; i++)
      out.push(...(i % 2 ? [at(i + 1), at(i), at(i + 2)] : [at(i), at(i + 1), at(i + 2)]));
  else if (mode === Primitive.Mode.TRIANGLE_FAN)
    for (let i = 1; i + 1 < n; i++) out.push(at(0), at(i), at(i + 1));
  return out;
}

function material(m: Material, name: string, files: ReadonlyMap<Texture, string>): string[] {
  const path = `/Root/Materials/${name}`;
  const p = '            ';
  const surface: string[] = [
    `${p}uniform token info:id = "UsdPreviewSurface"`,
    `${p}int inputs:useSpecularWorkflow = 0`,
  ];
  const shaders: string[] = [];
  const readers = new Set<string>();
  const texture = (
    slot: Slot,
    colourSpace: 'sRGB' | 'raw',
    scale: number[],
    bias?: number[],
  ): string | null => {
    const t = getTexture(m, slot);
    const file = t && files.get(t.texture);
    if (!t || !file) return null;
    const varname = t.info?.getTexCoord() === 1 ? 'st1' : 'st';
    readers.add(varname);
    const shader = `T_${slot}`;
    shaders.push(
      `        def Shader "${shader}"`,
      '        {',
      `${p}uniform token info:id = "UsdUVTexture"`,
      `${p}asset inputs:file = @${file}@`,
      `${p}float2 inputs:st.connect = <${path}/R_${varname}.outputs:result>`,
      `${p}token inputs:sourceColorSpace = "${colourSpace}"`,
      `${p}token inputs:wrapS = "${WRAP[t.info?.getWrapS() ?? 10497] ?? 'repeat'}"`,
      `${p}token inputs:wrapT = "${WRAP[t.info?.getWrapT() ?? 10497] ?? 'repeat'}"`,
      `${p}float4 inputs:scale = (${scale.map(num).join(', ')})`,
      ...(bias ? [`${p}float4 inputs:bias = (${bias.map(num).join(', ')})`] : []),
      `${p}float outputs:r`,
      `${p}float outputs:g`,
      `${p}float outputs:b`,
      `${p}float outputs:a`,
      `${p}float3 outputs:rgb`,
      '        }',
    );
    return `${path}/${shader}`;
  };
  const [r, g, b, a] = m.getBaseColorFactor();
  const base = texture('baseColor', 'sRGB', [r, g, b, a]);
  surface.push(
    base
      ? `${p}color3f inputs:diffuseColor.connect = <${base}.outputs:rgb>`
      : `${p}color3f inputs:diffuseColor = (${num(r)}, ${num(g)}, ${num(b)})`,
  );
  const mr = texture('metallicRoughness', 'raw', [
    1,
    m.getRoughnessFactor(),
    m.getMetallicFactor(),
    1,
  ]);
  surface.push(
    mr
      ? `${p}float inputs:roughness.connect = <${mr}.outputs:g>`
      : `${p}float inputs:roughness = ${num(m.getRoughnessFactor())}`,
    mr
      ? `${p}float inputs:metallic.connect = <${mr}.outputs:b>`
      : `${p}float inputs:metallic = ${num(m.getMetallicFactor())}`,
  );
  const normal = texture('normal', 'raw', [2, 2, 2, 1], [-1, -1, -1, 0]);
  if (normal) surface.push(`${p}normal3f inputs:normal.connect = <${normal}.outputs:rgb>`);
  const occlusion = texture('occlusion', 'raw', [1, 1, 1, 1]);
  if (occlusion) surface.push(`${p}float inputs:occlusion.connect = <${occlusion}.outputs:r>`);
  const e = m.getEmissiveFactor();
  const emissive = e.some((v) => v > 0) ? texture('emissive', 'sRGB', [...e, 1]) : null;
  if (emissive)
    surface.push(`${p}color3f inputs:emissiveColor.connect = <${emissive}.outputs:rgb>`);
  else if (e.some((v) => v > 0))
    surface.push(`${p}color3f inputs:emissiveColor = (${e.map(num).join(', ')})`);
  const mode = m.getAlphaMode();
  if (mode !== 'OPAQUE') {
    surface.push(
      base
        ? `${p}float inputs:opacity.connect = <${base}.outputs:a>`
        : `${p}float inputs:opacity = ${num(a)}`,
    );
    if (mode === 'MASK')
      surface.push(`${p}float inputs:opacityThreshold = ${num(m.getAlphaCutoff())}`);
  }
  surface.push(`${p}token outputs:surface`);
  const lines = [
    `        def Material "${name}"`,
    '        {',
    `            token outputs:surface.connect = <${path}/Surface.outputs:surface>`,
    '            def Shader "Surface"',
    '            {',
    ...surface.map((l) => `    ${l}`),
    '            }',
  ];
  for (const varname of readers)
    lines.push(
      `            def Shader "R_${varname}"`,
      '            {',
      '                uniform token info:id = "UsdPrimvarReader_float2"',
      `                token inputs:varname = "${varname}"`,
      '                float2 outputs:result',
      '            }',
    );
  lines.push(...shaders.map((l) => `    ${l}`), '        }');
  return lines;
}

function getTexture(
  m: Material,
  slot: Slot,
): { texture: Texture; info: TextureInfo | null } | null {
  const pick: Record<Slot, () => [Texture | null, TextureInfo | null]> = {
    baseColor: () => [m.getBaseColorTexture(), m.getBaseColorTextureInfo()],
    metallicRoughness: () => [m.getMetallicRoughnessTexture(), m.getMetallicRoughnessTextureInfo()],
    normal: () => [m.getNormalTexture(), m.getNormalTextureInfo()],
    occlusion: () => [m.getOcclusionTexture(), m.getOcclusionTextureInfo()],
    emissive: () => [m.getEmissiveTexture(), m.getEmissiveTextureInfo()],
  };
  const [texture, info] = pick[slot]();
  return texture ? { texture, info } : null;
}

/** A USD identifier from any name. */
function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_]/g, '_').slice(0, 40);
}

function num(v: number | undefined): string {
  const x = v ?? 0;
  return Number.isFinite(x) ? String(Math.round(x * 1e6) / 1e6) : '0';
}

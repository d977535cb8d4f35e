// The camera that made a picture, as people name it.

/** "Canon" + "Canon EOS R5" → "Canon EOS R5"; "NIKON CORPORATION" + "NIKON D750" → "NIKON D750". */
export function formatCamera(make: string | null, model: string | null): string | null {
  const mk = make?.trim() ?? '';
  const md = model?.trim() ?? '';
  if (md === '') return mk === '' ? null : mk;
  if (mk === '') return md;
  const brand = mk.split(/\s+/)[0]?.toLowerCase() ?? '';
  return md.toLowerCase().startsWith(brand) ? md : `${mk} ${md}`;
}

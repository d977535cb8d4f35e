// GPS positions in degrees with hemisphere letters, as maps and cameras show them.

export interface GpsPosition {
  latitude: number;
  longitude: number;
  altitude: number | null;
}

/** "52.37403° N, 4.88969° E, 12 m"; five decimals is about a metre. */
export function formatGps({ latitude, longitude, altitude }: GpsPosition): string {
  const lat = `${Math.abs(latitude).toFixed(5)}° ${latitude < 0 ? 'S' : 'N'}`;
  const lon = `${Math.abs(longitude).toFixed(5)}° ${longitude < 0 ? 'W' : 'E'}`;
  const alt = altitude !== null && Number.isFinite(altitude) ? `, ${Math.round(altitude)} m` : '';
  return `${lat}, ${lon}${alt}`;
}

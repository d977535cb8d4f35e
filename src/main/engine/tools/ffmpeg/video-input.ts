/**
 * A path as ffmpeg's input: the `file:` protocol, so a name that starts with '-' is never
 * an option and one with a ':' (`a:b.mp4`) is never read as another protocol.
 */
export function inputOf(path: string): string {
  return `file:${path}`;
}

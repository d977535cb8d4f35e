// The loupe's page viewer for a PDF: one page at a time, painted by the engine at the width
// the window needs (`/media/page/<hash>/<n>?w=…`), with page N of M and previous / next.
// Keys: Page Down / Arrow Down next, Page Up / Arrow Up previous, Home / End first / last.
// They collide with nothing the loupe (arrows left and right, Z, Space, Escape) or culling
// (digits, P X U C, Ctrl combinations) uses, so rating a manual still works here.
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Asset } from '../../../../shared/dto';
import { PAGE_WIDTH } from '../../../../shared/bridge';
import { useServices } from '../../app-context';
import { formatCount } from '../../format/count';
import { useAssetDetail } from '../preview/use-asset-detail';

/** Widths are asked in steps, so a resized window reuses what the engine cached. */
const WIDTH_STEP = 256;

/** Page keys and where each goes from page `at` of `last`. */
const PAGE_KEYS = new Map<string, (at: number, last: number) => number>([
  ['PageDown', (at) => at + 1],
  ['ArrowDown', (at) => at + 1],
  ['PageUp', (at) => at - 1],
  ['ArrowUp', (at) => at - 1],
  ['Home', () => 1],
  ['End', (_, last) => last],
]);

/** Whether the loupe shows this asset as pages: a PDF that was read (a locked one was not). */
export function showsPages(asset: Asset): boolean {
  return (
    asset.kind === 'document' &&
    asset.format === 'pdf' &&
    asset.state === 'ok' &&
    asset.thumb === 'ready' &&
    asset.hash !== null
  );
}

/** The width to ask for: the page contained in the stage, in device pixels, stepped. */
export function pageWidthFor(
  stage: { width: number; height: number },
  page: { width: number; height: number },
  dpr: number,
): number {
  const aspect = page.width > 0 && page.height > 0 ? page.width / page.height : 1 / Math.SQRT2;
  const css = Math.min(stage.width, stage.height * aspect);
  const stepped = Math.ceil((css * dpr) / WIDTH_STEP) * WIDTH_STEP;
  return Math.min(PAGE_WIDTH.max, Math.max(WIDTH_STEP, stepped));
}

export function LoupeDocument({
  asset,
  index,
  total,
}: {
  asset: Asset;
  index: number | null;
  total: number;
}) {
  const { client } = useServices();
  const stageRef = useRef<HTMLDivElement>(null);
  const detail = useAssetDetail(asset);
  const pages = detail?.facts?.pages ?? null;
  const [page, setPage] = useState(1);
  const [width, setWidth] = useState<number | null>(null);
  const [loaded, setLoaded] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);

  useLayoutEffect(() => {
    const stage = stageRef.current;
    if (stage === null) return;
    const measure = (): void =>
      setWidth(
        pageWidthFor(
          { width: stage.clientWidth, height: stage.clientHeight },
          { width: asset.width ?? 0, height: asset.height ?? 0 },
          window.devicePixelRatio || 1,
        ),
      );
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, [asset.width, asset.height]);

  const last = pages ?? 1;
  const go = (n: number): void => setPage(Math.min(last, Math.max(1, n)));

  // On the loupe itself (it holds the focus), before its own keys are looked at.
  useEffect(() => {
    const loupe = stageRef.current?.closest<HTMLElement>('.loupe');
    if (!loupe) return;
    const onKey = (event: KeyboardEvent): void => {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      const move = PAGE_KEYS.get(event.key);
      if (move === undefined) return;
      setPage((at) => Math.min(last, Math.max(1, move(at, last))));
      event.preventDefault();
      event.stopPropagation();
    };
    loupe.addEventListener('keydown', onKey);
    return () => loupe.removeEventListener('keydown', onKey);
  }, [last]);

  const src =
    asset.hash !== null && width !== null ? client.pageUrl(asset.hash, page, width) : null;
  const busy = src !== null && loaded !== src && failed !== src;
  const note = src !== null && failed === src ? 'This page could not be shown' : asset.notice;

  return (
    <>
      <div ref={stageRef} className="loupe-stage loupe-pages" data-testid="loupe-pages">
        {src !== null && (
          <img
            key={src}
            className="loupe-page"
            data-testid="loupe-page"
            src={src}
            alt={`${asset.name}, page ${page}`}
            draggable={false}
            onLoad={() => setLoaded(src)}
            onError={() => setFailed(src)}
          />
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
        {busy && (
          <span
            className="spinner"
            data-testid="loupe-spinner"
            role="status"
            aria-label="Loading the page"
          />
        )}
      </header>
      <nav className="loupe-pager" aria-label="Pages">
        <button
          type="button"
          aria-label="Previous page (Page Up)"
          title="Previous page (Page Up)"
          disabled={page <= 1}
          onClick={() => go(page - 1)}
        >
          ‹
        </button>
        <span data-testid="loupe-page-number" aria-live="polite">
          Page {formatCount(page)}
          {pages !== null && ` of ${formatCount(pages)}`}
        </span>
        <button
          type="button"
          aria-label="Next page (Page Down)"
          title="Next page (Page Down)"
          disabled={pages === null || page >= pages}
          onClick={() => go(page + 1)}
        >
          ›
        </button>
      </nav>
      {note !== null && (
        <footer className="loupe-note is-above-pager" data-testid="loupe-reason" role="status">
          {note}
        </footer>
      )}
    </>
  );
}

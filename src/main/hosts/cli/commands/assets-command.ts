import { once } from 'node:events';
import { call, type CliContext } from '../cli-context';

const PAGE = 5000;

/** Every asset, streamed page by page so 100,000 of them never sit in one string. */
export async function assetsCommand(ctx: CliContext): Promise<void> {
  let offset = 0;
  let first = true;
  if (ctx.flags.json) ctx.out.write('[');
  for (;;) {
    const page = await call(ctx.engine, 'assets.list', { offset, limit: PAGE, sort: 'name' });
    for (const a of page.items) {
      const row = {
        id: a.id,
        path: a.path,
        width: a.width,
        height: a.height,
        format: a.format,
        bytes: a.bytes,
        hash: a.hash,
        state: a.state,
        thumbnail: a.thumb,
        error: a.error,
      };
      const text = ctx.flags.json
        ? `${first ? '\n' : ',\n'}  ${JSON.stringify(row)}`
        : `${a.id}\t${a.state}\t${a.width ?? '-'}×${a.height ?? '-'}\t${a.format ?? '-'}\t${a.path}${a.error ? `\t${a.error}` : ''}\n`;
      first = false;
      if (!ctx.out.write(text)) await once(ctx.out, 'drain');
    }
    offset += page.items.length;
    if (page.items.length < PAGE || offset >= page.total) break;
  }
  if (ctx.flags.json) ctx.out.write(first ? ']\n' : '\n]\n');
}

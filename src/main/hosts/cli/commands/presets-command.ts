import { call, UsageError, writeJson, type CliContext } from '../cli-context';

/** `presets list` and `presets show ID`. */
export async function presetsCommand(ctx: CliContext): Promise<void> {
  const [action, id] = ctx.positionals;
  if (action === 'list') {
    const presets = await call(ctx.engine, 'presets.list', {});
    if (ctx.flags.json) return writeJson(ctx.out, presets);
    for (const p of presets) {
      const sizes = p.renditions
        .map((r) => `${r.width ?? '*'}×${r.height ?? '*'} ${r.format}`)
        .join(', ');
      const kind = p.builtIn ? (p.modified ? 'built-in, edited' : 'built-in') : 'user';
      ctx.out.write(
        `${p.id}\tv${p.version}\t${p.channel}\t${sizes}\t(${kind}; checked ${p.source.checked})\n`,
      );
    }
    return;
  }
  if (action === 'show' && id) {
    const preset = await call(ctx.engine, 'presets.get', { id });
    return writeJson(ctx.out, preset);
  }
  throw new UsageError('usage: packshot presets list [--json] | packshot presets show ID');
}

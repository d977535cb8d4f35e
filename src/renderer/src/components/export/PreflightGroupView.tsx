// One product on one channel: its worst level, then each image (or the product as a whole)
// with the reason of every check that did not pass.
import type { CheckLevel, PreflightItem } from '../../../../shared/export-dto';
import type { PreflightGroup } from '../../store/preflight-groups';

const LEVEL_TEXT: Record<CheckLevel, string> = { pass: 'Pass', warn: 'Warn', fail: 'Fail' };

export function PreflightGroupView({ group }: { group: PreflightGroup }) {
  return (
    <li
      className={`preflight-group is-${group.level}`}
      data-testid="preflight-group"
      data-sku={group.sku}
      data-channel={group.channel}
      data-level={group.level}
    >
      <h3 className="preflight-group-head">
        <LevelBadge level={group.level} />
        <span className="preflight-sku">{group.sku}</span>
        <span className="dim">{group.channel}</span>
      </h3>
      <ul className="preflight-items">
        {group.items.map((item, i) => (
          <PreflightRow key={`${item.presetId}:${item.assetId ?? 'product'}:${i}`} item={item} />
        ))}
      </ul>
    </li>
  );
}

function PreflightRow({ item }: { item: PreflightItem }) {
  const shown = item.checks.filter((c) => c.level !== 'pass');
  return (
    <li className="preflight-item" data-testid="preflight-item" data-level={item.level}>
      <LevelBadge level={item.level} />
      <span className="preflight-what">
        {item.assetId === null
          ? 'Product'
          : `${item.position !== null ? `#${item.position} ` : ''}${item.assetName ?? `asset ${item.assetId}`}`}
        {item.role !== null && <span className="dim"> · {item.role}</span>}
        <span className="dim"> · {item.presetId}</span>
      </span>
      {shown.length > 0 && (
        <ul className="preflight-reasons">
          {shown.map((check) => (
            <li
              key={check.check}
              className={`level is-${check.level}`}
              data-testid="preflight-reason"
            >
              {check.reason}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

export function LevelBadge({ level }: { level: CheckLevel }) {
  return <span className={`level-badge is-${level}`}>{LEVEL_TEXT[level]}</span>;
}

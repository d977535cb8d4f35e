// The preview's Rights section: licences (attach, detach, quick new one), releases, the
// approval with its history, the file's own claims, where it went, and its audit rows.
// Attach and decisions act on the whole selection; detach on the asset shown.
import type { Asset } from '../../../../../shared/dto';
import type { RightsClaims } from '../../../../../shared/rights-dto';
import type { UsageRow } from '../../../../../shared/usage-dto';
import { useServices } from '../../../app-context';
import { useAssets, useSelection } from '../../../store-hooks';
import { ApprovalControls, type Decision } from './ApprovalControls';
import { AssetAuditLog } from './AssetAuditLog';
import { LicenceAttach, LicenceList, type NewLicence } from './LicenceControls';
import { rightsTarget, type RightsTarget } from './rights-target';
import { useAssetRights } from './use-asset-rights';

export function AssetRightsSection({ asset }: { asset: Asset }) {
  const services = useServices();
  const { client, stores } = services;
  const { view, reload } = useAssetRights(asset);
  const all = useSelection((s) => s.all);
  const picked = useSelection((s) => s.ids.size);
  const total = useAssets((s) => s.total);
  const many = all ? total : picked > 1 ? picked : null;

  /** Runs an edit on the selection, reports a failure, reads the section again. */
  const onSelection = async (title: string, edit: (t: RightsTarget) => Promise<unknown>) => {
    try {
      const target = await rightsTarget(services);
      if (target !== null) await edit(target);
    } catch (cause) {
      stores.notices.getState().report(title, cause);
    }
    reload();
  };
  const attach = (licenceId: number) =>
    onSelection('Could not attach the licence', (t) =>
      client.call('licences.attach', { licenceId, ...t }),
    );
  const create = (l: NewLicence) =>
    onSelection('Could not create the licence', async (t) => {
      const { id } = await client.call('licences.create', l);
      await client.call('licences.attach', { licenceId: id, ...t });
    });
  const detach = (licenceId: number) => {
    client.call('licences.detach', { licenceId, assetIds: [asset.id] }).then(reload, (cause) => {
      stores.notices.getState().report('Could not detach the licence', cause);
    });
  };
  const decide = (state: Decision, comment: string | null) =>
    onSelection('Could not record the decision', (t) =>
      client.call('approvals.set', { state, comment, ...t }),
    );

  return (
    <section
      className="preview-section asset-rights"
      aria-label="Rights"
      data-testid="preview-rights"
    >
      <h3 className="preview-heading">Rights</h3>
      {many !== null && (
        <p className="rights-note" data-testid="rights-many">
          Attach and decisions apply to all {many} selected.
        </p>
      )}
      {view === null ? (
        <p className="rights-empty">Reading rights…</p>
      ) : (
        <>
          <LicenceList licences={view.rights.licences} onDetach={detach} />
          <LicenceAttach held={view.rights.licences} onAttach={attach} onCreate={create} />
          {view.rights.releases.length > 0 && (
            <ul className="rights-list" data-testid="rights-releases">
              {view.rights.releases.map((r) => (
                <li key={r.id}>
                  <span className="rights-item-name">
                    {r.kind} release{r.subject !== null ? `: ${r.subject}` : ''}
                  </span>
                  <span className="rights-item-facts">
                    signed {r.signedOn}
                    {r.expiresOn !== null ? ` · expires ${r.expiresOn}` : ''}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <h4 className="rights-subheading">Approval</h4>
          <ApprovalControls
            state={view.rights.approval}
            decisions={view.decisions}
            current={view.current}
            onDecide={decide}
          />
          <Claims claims={view.rights.claims} />
          <Usages usages={view.usages} />
          <h4 className="rights-subheading">Audit</h4>
          <AssetAuditLog assetId={asset.id} entries={view.audit} />
        </>
      )}
    </section>
  );
}

const CLAIM_LABELS: [keyof RightsClaims, string][] = [
  ['usageTerms', 'Usage terms'],
  ['webStatement', 'Web statement'],
  ['copyright', 'Copyright'],
  ['licensor', 'Licensor'],
  ['licenceId', 'Licence id'],
  ['modelReleaseStatus', 'Model release'],
  ['expirationDate', 'Expires'],
];

/** What the file itself says (XMP / IPTC): shown, not enforced. */
function Claims({ claims }: { claims: RightsClaims | null }) {
  const known = CLAIM_LABELS.filter(([key]) => claims?.[key] !== undefined);
  if (claims === null || known.length === 0) return null;
  return (
    <>
      <h4 className="rights-subheading">The file says</h4>
      <dl className="preview-facts" data-testid="rights-claims">
        {known.map(([key, label]) => (
          <div key={key} className="rights-claim">
            <dt>{label}</dt>
            <dd>{claims[key]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

function Usages({ usages }: { usages: readonly UsageRow[] }) {
  return (
    <>
      <h4 className="rights-subheading">Where used</h4>
      {usages.length === 0 ? (
        <p className="rights-empty">Not exported yet.</p>
      ) : (
        <ul className="rights-list" data-testid="rights-usages">
          {usages.map((u) => (
            <li key={`${u.pack}/${u.file}:${u.exportedAt}`} title={`${u.pack}/${u.file}`}>
              <span className="rights-item-name">
                {u.channel} · {u.sku}
              </span>
              <span className="rights-item-facts">
                {u.file}
                {u.removedAt !== null ? ' (taken out of the pack)' : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

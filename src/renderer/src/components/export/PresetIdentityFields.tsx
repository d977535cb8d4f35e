// What a preset is: its name, channel, the roles it exports, naming and folder layout,
// metadata policy, and the source of its rules.
import { MEDIA_ROLES } from '../../../../shared/product-dto';
import { CheckGroup, SelectField, TextField } from './form-fields';
import { metadataOptions } from './options';
import type { Issues, PresetDraft } from './preset-form';

export function PresetIdentityFields({
  draft,
  issues,
  onChange,
}: {
  draft: PresetDraft;
  issues: Issues;
  onChange: (next: PresetDraft) => void;
}) {
  const set = <K extends keyof PresetDraft>(key: K, value: PresetDraft[K]) =>
    onChange({ ...draft, [key]: value });
  return (
    <>
      <fieldset className="form-section">
        <legend>Preset</legend>
        <div className="form-grid">
          <TextField
            label="Name"
            value={draft.name}
            onChange={(v) => set('name', v)}
            error={issues.get('name')}
            testId="preset-name"
          />
          <TextField
            label="Channel"
            value={draft.channel}
            onChange={(v) => set('channel', v)}
            error={issues.get('channel')}
            testId="preset-channel"
          />
          <SelectField
            label="Metadata"
            value={draft.metadata}
            options={metadataOptions}
            onChange={(v) => set('metadata', v)}
          />
        </div>
        <CheckGroup
          legend="Roles it exports"
          options={MEDIA_ROLES}
          selected={draft.roles}
          onChange={(roles) => set('roles', roles)}
          error={issues.get('roles')}
          testId="preset-roles"
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>Names and folders</legend>
        <div className="form-grid">
          <TextField
            label="Folder"
            value={draft.naming.folder}
            onChange={(folder) => set('naming', { ...draft.naming, folder })}
            error={issues.get('naming.folder')}
            placeholder="{channel}/{sku}"
            hint="Empty: the pack's root"
          />
          <TextField
            label="File name"
            value={draft.naming.file}
            onChange={(file) => set('naming', { ...draft.naming, file })}
            error={issues.get('naming.file')}
            placeholder="{sku}-{position}.{ext}"
            testId="preset-file-template"
          />
        </div>
        <p className="form-hint">
          Fields: {'{sku} {name} {position} {position:2} {role} {channel} {preset} {key}'}{' '}
          {'{width} {height} {ext} {parent} {asset} {attr.X} {variant.X}'}
        </p>
      </fieldset>
      <fieldset className="form-section">
        <legend>Source of the rules</legend>
        <div className="form-grid">
          <TextField
            label="Title"
            value={draft.source.title}
            onChange={(title) => set('source', { ...draft.source, title })}
            error={issues.get('source.title')}
          />
          <TextField
            label="URL"
            value={draft.source.url ?? ''}
            onChange={(url) => set('source', { ...draft.source, url: url === '' ? null : url })}
            error={issues.get('source.url')}
          />
          <TextField
            label="Checked on"
            value={draft.source.checked}
            onChange={(checked) => set('source', { ...draft.source, checked })}
            error={issues.get('source.checked')}
            placeholder="YYYY-MM-DD"
          />
          <TextField
            label="Notes"
            value={draft.notes}
            onChange={(notes) => set('notes', notes)}
            error={issues.get('notes')}
          />
        </div>
      </fieldset>
    </>
  );
}

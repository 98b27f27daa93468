import { Checkbox, Combobox, Field, Option } from '@fluentui/react-components';
import { mixedRealityRegions } from '../../../shared/mixed-reality-domain.ts';
import type { AccountView } from '../../../shared/accounts.ts';
import { problem } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import type { FormPartProps } from './AccountMetaFields.tsx';
import { DevelopmentKeyNotice } from './DevelopmentKeyNotice.tsx';

const keepKey = 'Leave empty to keep the stored key';

/** A Remote Rendering account's own fields: account ID, account domain and its two keys. */
export function ArrFields({ form, set, errors, editing }: FormPartProps & { editing: (AccountView & { kind: 'arr' }) | undefined }) {
  const typed = form.accountDomain.trim().toLowerCase();
  // Only regions the text is part of, and none for a full domain: Tab takes the suggestion in view, so
  // one that does not match would replace what was typed (all regions once showed, and Tab after
  // "westeurope.mixedreality.azure.com" saved australiaeast).
  const regions = typed.includes('.') ? [] : mixedRealityRegions.filter((r) => r.includes(typed));
  return (
    <>
      <TextField
        label="Account ID"
        required
        value={form.accountId}
        placeholder="00000000-0000-0000-0000-000000000000"
        onChange={(accountId) => set({ accountId })}
        error={errors.accountId}
      >
        A GUID, from the account’s Overview page in the Azure portal.
      </TextField>
      <Field
        label="Account domain"
        required
        hint="A region such as westeurope, or a full domain such as westeurope.mixedreality.azure.com."
        {...problem(errors.accountDomain)}
      >
        <Combobox
          freeform
          value={form.accountDomain}
          selectedOptions={(mixedRealityRegions as readonly string[]).includes(typed) ? [typed] : []}
          onChange={(e) => set({ accountDomain: e.target.value })}
          onOptionSelect={(_, d) => d.optionValue && set({ accountDomain: d.optionValue })}
        >
          {regions.map((r) => (
            <Option key={r} value={r} text={r}>
              {`${r} (${r}.mixedreality.azure.com)`}
            </Option>
          ))}
        </Combobox>
      </Field>
      <TextField
        label="Primary key"
        secret
        value={form.primaryKey}
        disabled={form.removePrimaryKey}
        placeholder={editing?.hasPrimaryKey ? keepKey : 'From the account’s Access keys page'}
        onChange={(primaryKey) => set({ primaryKey })}
        error={errors.primaryKey}
      >
        {editing ? null : 'Leave both keys empty to use the account with Entra ID sign-in only.'}
      </TextField>
      {editing?.hasPrimaryKey && (
        <Checkbox
          label="Remove primary key"
          checked={form.removePrimaryKey}
          onChange={(_, d) => set({ removePrimaryKey: d.checked === true, primaryKey: '' })}
        />
      )}
      <TextField
        label="Secondary key (optional)"
        secret
        value={form.secondaryKey}
        disabled={form.removeSecondaryKey}
        placeholder={editing?.hasSecondaryKey ? keepKey : ''}
        onChange={(secondaryKey) => set({ secondaryKey })}
        error={errors.secondaryKey}
      />
      {editing?.hasSecondaryKey && (
        <Checkbox
          label="Remove secondary key"
          checked={form.removeSecondaryKey}
          onChange={(_, d) => set({ removeSecondaryKey: d.checked === true, secondaryKey: '' })}
        />
      )}
      <DevelopmentKeyNotice />
    </>
  );
}

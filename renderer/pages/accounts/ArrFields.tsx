import { Checkbox, Combobox, Field, Option } from '@fluentui/react-components';
import { mixedRealityRegions } from '../../../shared/mixed-reality-domain.ts';
import type { AccountView } from '../../../shared/accounts.ts';
import { problem } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import type { FormPartProps } from './AccountMetaFields.tsx';
import { DevelopmentKeyNotice } from './DevelopmentKeyNotice.tsx';
import { KeyField } from './KeyField.tsx';

const keepKey = 'Leave empty to keep the stored key';

type ArrPartProps = FormPartProps & { editing: (AccountView & { kind: 'arr' }) | undefined };

/** A Remote Rendering account's own fields: account ID, account domain and its two keys. */
export function ArrFields(part: ArrPartProps) {
  const { form, set, errors, editing } = part;
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
      <ArrKeyField {...part} name="primaryKey" label="Primary key" newPlaceholder="From the account’s Access keys page">
        {editing ? null : 'Leave both keys empty to use the account with Entra ID sign-in only.'}
      </ArrKeyField>
      <ArrKeyField {...part} name="secondaryKey" label="Secondary key (optional)" newPlaceholder="" />
      <DevelopmentKeyNotice />
    </>
  );
}

const keySlots = {
  primaryKey: { remove: 'removePrimaryKey', stored: 'hasPrimaryKey', removeLabel: 'Remove primary key' },
  secondaryKey: { remove: 'removeSecondaryKey', stored: 'hasSecondaryKey', removeLabel: 'Remove secondary key' },
} as const;

/** One of the account's two keys: a new value, or when editing, the stored one kept (left empty) or removed. */
function ArrKeyField({
  form,
  set,
  errors,
  editing,
  name,
  label,
  newPlaceholder,
  children,
}: ArrPartProps & { name: keyof typeof keySlots; label: string; newPlaceholder: string; children?: string | null }) {
  const { remove, stored, removeLabel } = keySlots[name];
  return (
    <>
      <KeyField
        label={label}
        value={form[name]}
        disabled={form[remove]}
        placeholder={editing?.[stored] ? keepKey : newPlaceholder}
        onChange={(key) => set({ [name]: key })}
        error={errors[name]}
      >
        {children}
      </KeyField>
      {editing?.[stored] && (
        <Checkbox label={removeLabel} checked={form[remove]} onChange={(_, d) => set({ [remove]: d.checked === true, [name]: '' })} />
      )}
    </>
  );
}

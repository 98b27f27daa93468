import { useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { TextField } from '../../components/TextField.tsx';
import { RadioField, type RadioChoice } from '../../components/RadioField.tsx';
import { useCall } from '../../components/use-call.ts';
import { addInput, changesFrom, emptyForm, fieldErrors, formFromAccount, type AccountForm } from './account-form.ts';
import { AccountMetaFields } from './AccountMetaFields.tsx';
import { AcsFields } from './AcsFields.tsx';
import { ArrFields } from './ArrFields.tsx';
import type { CloudChoice } from '../../components/CloudDropdown.tsx';

export interface AccountDialogProps extends CloudChoice {
  /** The account to edit, or undefined to add one. */
  editing: AccountView | undefined;
  onSaved(account: AccountView): void;
  onClose(): void;
}

const kinds: readonly RadioChoice<AccountForm['kind']>[] = [
  { value: 'arr', label: 'Remote Rendering account' },
  { value: 'acs', label: 'Communication Services resource' },
];

/**
 * Adds an account of either kind, or edits one (renaming is editing the name). The core validates;
 * each problem it names is shown under its field. An edit sends only what changed.
 */
export function AccountDialog({ editing, clouds, defaultCloud, onSaved, onClose }: AccountDialogProps) {
  const [form, setForm] = useState<AccountForm>(() => (editing ? formFromAccount(editing) : emptyForm('arr', defaultCloud)));
  const call = useCall();
  const errors = call.error ? fieldErrors(call.error) : {};
  const set = (patch: Partial<AccountForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit() {
    const changes = editing && changesFrom(editing, form);
    if (editing && !changes) return onClose();
    const result = await call.run(() =>
      editing && changes ? api.accounts.update({ id: editing.id, changes }) : api.accounts.add(addInput(form)),
    );
    if (result.ok) onSaved(result.value);
  }

  const title = editing
    ? `Edit ${editing.name}`
    : form.kind === 'arr'
      ? 'Add a Remote Rendering account'
      : 'Add a Communication Services resource';
  return (
    <FormDialog
      title={title}
      submit={{ label: editing ? 'Save changes' : 'Add account' }}
      onSubmit={() => void submit()}
      busy={call.busy}
      error={call.error}
      formMessage={(error) => fieldErrors(error).form}
      onClose={onClose}
    >
      {!editing && (
        <RadioField label="Kind" horizontal choices={kinds} value={form.kind} onChange={(kind) => (set({ kind }), call.reset())} />
      )}
      <TextField label="Name" required value={form.name} onChange={(name) => set({ name })} error={errors.name}>
        How the account is listed here; it need not match Azure’s name.
      </TextField>
      {form.kind === 'arr' ? (
        <ArrFields form={form} set={set} errors={errors} editing={editing?.kind === 'arr' ? editing : undefined} />
      ) : (
        <AcsFields form={form} set={set} errors={errors} editing={editing?.kind === 'acs' ? editing : undefined} />
      )}
      <AccountMetaFields form={form} set={set} errors={errors} clouds={clouds} />
    </FormDialog>
  );
}

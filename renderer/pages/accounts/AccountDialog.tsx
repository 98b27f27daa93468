import { useRef, useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import type { CloudChoice } from '../../components/CloudDropdown.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { RadioField, type RadioChoice } from '../../components/RadioField.tsx';
import { TextField } from '../../components/TextField.tsx';
import { useCall } from '../../components/use-call.ts';
import type { VaultState } from '../../use-vault.ts';
import { addInput, changesFrom, emptyForm, fieldErrors, formFromAccount, formProblems, type AccountForm } from './account-form.ts';
import { AccountMetaFields } from './AccountMetaFields.tsx';
import { AcsFields } from './AcsFields.tsx';
import { ArrFields } from './ArrFields.tsx';
import { lastKind, rememberKind } from './last-kind.ts';
import { readPastedConnectionString } from './pasted-connection-string.ts';
import { VaultChoiceInForm } from './VaultChoiceInForm.tsx';

export interface AccountDialogProps extends CloudChoice {
  /** The account to edit, or undefined to add one. */
  editing: AccountView | undefined;
  /** Where keys go: when no vault can take one, the form offers the choice instead of failing at the end. */
  vault: VaultState;
  onSaved(account: AccountView): void;
  onClose(): void;
}

// The live service first: Remote Rendering was retired.
const kinds: readonly RadioChoice<AccountForm['kind']>[] = [
  { value: 'acs', label: 'Communication Services resource' },
  { value: 'arr', label: 'Remote Rendering account (retired)' },
];

/** Whether what the form holds would put a key in the vault. */
const storesKey = (form: AccountForm) =>
  form.kind === 'acs' ? form.acsSource === 'connectionString' : Boolean(form.primaryKey.trim() || form.secondaryKey.trim());

/**
 * Adds an account of either kind (the last kind added, Communication Services at first), or edits
 * one (renaming is editing the name). Every problem is shown at once, under its field; a pasted
 * connection string names the resource and its cloud. An edit sends only what changed.
 */
export function AccountDialog({ editing, vault, clouds, defaultCloud, onSaved, onClose }: AccountDialogProps) {
  const [form, setForm] = useState<AccountForm>(() => (editing ? formFromAccount(editing) : emptyForm(lastKind(), defaultCloud)));
  // What the pasted connection string put in the name and cloud, so typing over them is never undone.
  const read = useRef<{ name?: string; cloud?: string }>({});
  // The connection string takes the focus when the dialog opens on it, not when the kind is changed to it (the focus stays on the radio).
  const [kindChanged, setKindChanged] = useState(false);
  const call = useCall();
  const errors = call.error ? fieldErrors(call.error) : {};
  const set = (patch: Partial<AccountForm>) => setForm((f) => ({ ...f, ...patch }));

  function setConnectionString(connectionString: string) {
    const found = editing ? undefined : readPastedConnectionString(connectionString);
    setForm((f) => {
      const next = { ...f, connectionString };
      if (found?.name && (f.name === '' || f.name === read.current.name)) next.name = read.current.name = found.name;
      const cloud = found?.cloud;
      if (cloud && clouds.some((c) => c.name === cloud) && (f.cloud === defaultCloud || f.cloud === read.current.cloud))
        next.cloud = read.current.cloud = cloud;
      return next;
    });
  }

  async function submit() {
    const found = formProblems(form, editing);
    if (found[0]) return call.fail({ code: 'invalid_input', message: found[0].message, issues: found });
    const changes = editing && changesFrom(editing, form);
    if (editing && !changes) return onClose();
    const result = await call.run(() =>
      editing && changes ? api.accounts.update({ id: editing.id, changes }) : api.accounts.add(addInput(form)),
    );
    if (!result.ok) return;
    if (!editing) rememberKind(form.kind);
    onSaved(result.value);
  }

  const title = editing
    ? `Edit ${editing.name}`
    : form.kind === 'arr'
      ? 'Add a Remote Rendering account'
      : 'Add a Communication Services resource';
  const noVault = vault.status?.state === 'unavailable' || call.error?.code === 'vault_unavailable';
  const name = (
    <TextField label="Name" required value={form.name} onChange={(name) => set({ name })} error={errors.name}>
      {form.name && form.name === read.current.name
        ? 'Read from the endpoint; change it if you like.'
        : 'How the account is listed here; it need not match Azure’s name.'}
    </TextField>
  );
  return (
    <FormDialog
      title={title}
      submit={{ label: editing ? 'Save changes' : 'Add account' }}
      onSubmit={() => void submit()}
      busy={call.busy}
      error={call.error}
      formMessage={(error) => (error.code === 'vault_unavailable' ? undefined : fieldErrors(error).form)}
      onClose={onClose}
    >
      {!editing && (
        <RadioField
          label="Kind"
          horizontal
          choices={kinds}
          value={form.kind}
          onChange={(kind) => (set({ kind }), setKindChanged(true), call.reset())}
        />
      )}
      {form.kind === 'arr' ? (
        <>
          {name}
          <ArrFields form={form} set={set} errors={errors} editing={editing?.kind === 'arr' ? editing : undefined} />
        </>
      ) : (
        <>
          <AcsFields
            form={form}
            set={set}
            errors={errors}
            editing={editing?.kind === 'acs' ? editing : undefined}
            onConnectionString={setConnectionString}
            focusFirst={!editing && !kindChanged}
          />
          {name}
        </>
      )}
      <AccountMetaFields form={form} set={set} errors={errors} clouds={clouds} />
      {noVault && storesKey(form) && <VaultChoiceInForm vault={vault} onOpened={call.reset} />}
    </FormDialog>
  );
}

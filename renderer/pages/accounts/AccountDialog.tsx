import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  Radio,
  RadioGroup,
} from '@fluentui/react-components';
import { useRef, useState, type FormEvent } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { addInput, changesFrom, emptyForm, fieldErrors, formFromAccount, type AccountForm } from './account-form.ts';
import { problem } from '../../components/field-problem.ts';
import { AccountMetaFields } from './AccountMetaFields.tsx';
import { AcsFields } from './AcsFields.tsx';
import { ArrFields } from './ArrFields.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';

export interface AccountDialogProps {
  /** The account to edit, or undefined to add one. */
  editing: AccountView | undefined;
  clouds: readonly CloudProfileView[];
  defaultCloud: string;
  onSaved(account: AccountView): void;
  onClose(): void;
}

/**
 * Adds an account of either kind, or edits one (renaming is editing the name). The core validates;
 * each problem it names is shown under its field. An edit sends only what changed.
 */
export function AccountDialog({ editing, clouds, defaultCloud, onSaved, onClose }: AccountDialogProps) {
  const dialog = useDialogStyles();
  const formRef = useRef<HTMLFormElement>(null);
  const [form, setForm] = useState<AccountForm>(() => (editing ? formFromAccount(editing) : emptyForm('arr', defaultCloud)));
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);
  const errors = error ? fieldErrors(error) : {};
  const set = (patch: Partial<AccountForm>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    let result;
    if (editing) {
      const changes = changesFrom(editing, form);
      if (!changes) return onClose();
      setBusy(true);
      result = await api.accounts.update({ id: editing.id, changes });
    } else {
      setBusy(true);
      result = await api.accounts.add(addInput(form));
    }
    setBusy(false);
    if (result.ok) return onSaved(result.value);
    setError(result.error);
    // Move to the first field the core named, so keyboard and screen-reader users land on it.
    requestAnimationFrame(() => formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  const title = editing
    ? `Edit ${editing.name}`
    : form.kind === 'arr'
      ? 'Add a Remote Rendering account'
      : 'Add a Communication Services resource';
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form ref={formRef} onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>{title}</DialogTitle>
            <DialogContent className={dialog.content}>
              {!editing && (
                <Field label="Kind">
                  <RadioGroup
                    layout="horizontal"
                    value={form.kind}
                    onChange={(_, d) => (set({ kind: d.value as AccountForm['kind'] }), setError(undefined))}
                  >
                    <Radio value="arr" label="Remote Rendering account" />
                    <Radio value="acs" label="Communication Services resource" />
                  </RadioGroup>
                </Field>
              )}
              <ErrorBar error={errors.form ? { ...(error as AppErrorShape), message: errors.form } : undefined} />
              <Field label="Name" required hint="How the account is listed here; it need not match Azure’s name." {...problem(errors.name)}>
                <Input value={form.name} onChange={(_, d) => set({ name: d.value })} />
              </Field>
              {form.kind === 'arr' ? (
                <ArrFields form={form} set={set} errors={errors} editing={editing?.kind === 'arr' ? editing : undefined} />
              ) : (
                <AcsFields form={form} set={set} errors={errors} editing={editing?.kind === 'acs' ? editing : undefined} />
              )}
              <AccountMetaFields form={form} set={set} errors={errors} clouds={clouds} />
            </DialogContent>
            <DialogActions>
              <Button appearance="secondary" onClick={onClose}>
                Cancel
              </Button>
              <Button appearance="primary" type="submit" disabledFocusable={busy}>
                {editing ? 'Save changes' : 'Add account'}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}

import {
  Body1,
  Button,
  Checkbox,
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
import { useState, type FormEvent } from 'react';
import type { AccountView, ExportResult } from '../../../shared/accounts.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { problem } from '../../components/field-problem.ts';
import { newPassphraseProblems } from '../../components/new-passphrase.ts';
import { fileDate, fileInFolder, useSavePath } from '../../components/save-path.ts';
import { FileWrittenBar, replaceToOverwrite, SaveToField } from '../../components/SaveToFile.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { DoneButton } from '../../components/DoneButton.tsx';

type Which = 'selected' | 'shown' | 'all';

export interface ExportDialogProps {
  all: readonly AccountView[];
  shown: readonly AccountView[];
  selected: AccountView | undefined;
  homeFolder: string;
  onClose(): void;
}

/** Writes account definitions to a file; with secrets only into a passphrase-encrypted one. */
export function ExportDialog({ all, shown, selected, homeFolder, onClose }: ExportDialogProps) {
  const dialog = useDialogStyles();
  const [which, setWhich] = useState<Which>(selected ? 'selected' : 'all');
  const [withSecrets, setWithSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [path, setPath] = useSavePath(fileInFolder(homeFolder, `azcred-accounts-${fileDate()}.json`));
  const [overwrite, setOverwrite] = useState(false);
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string; path?: string }>({});
  const [error, setError] = useState<AppErrorShape>();
  const [written, setWritten] = useState<ExportResult>();
  const [busy, setBusy] = useState(false);

  const ids = which === 'selected' && selected ? [selected.id] : which === 'shown' ? shown.map((a) => a.id) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (withSecrets) {
      const problems = newPassphraseProblems(passphrase, confirm);
      if (problems) return setErrors(problems);
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    const result = await api.accounts.export({
      path,
      includeSecrets: withSecrets,
      overwrite,
      ...(ids ? { ids } : {}),
      ...(withSecrets ? { passphrase } : {}),
    });
    setBusy(false);
    if (result.ok) {
      // The passphrase is not needed once the file is written: keep it no longer than that.
      setPassphrase('');
      setConfirm('');
      return setWritten(result.value);
    }
    const byField = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
    if (byField['path'] || byField['passphrase'])
      setErrors({
        ...(byField['path'] ? { path: byField['path'] } : {}),
        ...(byField['passphrase'] ? { passphrase: byField['passphrase'] } : {}),
      });
    else if (result.error.code === 'conflict') setErrors({ path: replaceToOverwrite(result.error.message) });
    else setError(result.error);
  }

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>Export accounts</DialogTitle>
            <DialogContent className={dialog.content}>
              {written ? (
                <FileWrittenBar
                  title={`Exported ${written.count === 1 ? '1 account' : `${written.count.toLocaleString()} accounts`}${written.encrypted ? ' with their keys, encrypted' : ' without keys'}`}
                  path={written.path}
                />
              ) : (
                <>
                  <Field label="Accounts">
                    <RadioGroup value={which} onChange={(_, d) => setWhich(d.value as Which)}>
                      {selected && <Radio value="selected" label={`The selected account (${selected.name})`} />}
                      {shown.length !== all.length && (
                        <Radio value="shown" label={`The ${shown.length.toLocaleString()} accounts shown by the filter`} />
                      )}
                      <Radio value="all" label={`All ${all.length.toLocaleString()} accounts`} />
                    </RadioGroup>
                  </Field>
                  <Checkbox
                    checked={withSecrets}
                    onChange={(_, d) => setWithSecrets(d.checked === true)}
                    label="Include keys and connection strings (the file is then encrypted with a passphrase)"
                  />
                  {withSecrets && (
                    <>
                      <Field
                        label="Passphrase"
                        required
                        hint="At least 10 characters. Whoever imports the file needs it."
                        {...problem(errors.passphrase)}
                      >
                        <Input type="password" autoComplete="new-password" value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
                      </Field>
                      <Field label="Confirm passphrase" required {...problem(errors.confirm)}>
                        <Input type="password" autoComplete="new-password" value={confirm} onChange={(_, d) => setConfirm(d.value)} />
                      </Field>
                    </>
                  )}
                  {!withSecrets && <Body1>Only names, IDs, domains, endpoints, clouds, tags and notes are written: no keys.</Body1>}
                  <SaveToField
                    path={path}
                    onPath={setPath}
                    error={errors.path}
                    hint="A full path on this computer."
                    overwrite={overwrite}
                    onOverwrite={setOverwrite}
                  />
                  <ErrorBar error={error} />
                </>
              )}
            </DialogContent>
            <DialogActions>
              {written ? (
                <DoneButton onClick={onClose}>Close</DoneButton>
              ) : (
                <>
                  <Button appearance="secondary" onClick={onClose}>
                    Cancel
                  </Button>
                  <Button appearance="primary" type="submit" disabledFocusable={busy}>
                    Export
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}

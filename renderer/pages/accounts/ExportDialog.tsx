import { Body1, Checkbox, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import type { AccountView } from '../../../shared/accounts.ts';
import { api } from '../../api.ts';
import { fieldIssues } from '../../components/field-problem.ts';
import { TextField } from '../../components/TextField.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { newPassphraseProblems } from '../../components/new-passphrase.ts';
import { plural } from '../../components/plural.ts';
import { fileDate, fileInFolder } from '../../components/save-path.ts';
import { FileWrittenBar, SaveToFile } from '../../components/SaveToFile.tsx';
import { useExportFile } from '../../components/use-export-file.ts';

type Which = 'selected' | 'shown' | 'all';
const fields = ['path', 'passphrase', 'confirm'] as const;

export interface ExportDialogProps {
  all: readonly AccountView[];
  shown: readonly AccountView[];
  selected: AccountView | undefined;
  homeFolder: string;
  onClose(): void;
}

/** Writes account definitions to a file; with secrets only into a passphrase-encrypted one. */
export function ExportDialog({ all, shown, selected, homeFolder, onClose }: ExportDialogProps) {
  const [which, setWhich] = useState<Which>(selected ? 'selected' : 'all');
  const [withSecrets, setWithSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const ids = which === 'selected' && selected ? [selected.id] : which === 'shown' ? shown.map((a) => a.id) : undefined;
  const file = useExportFile(fileInFolder(homeFolder, `azcred-accounts-${fileDate()}.json`), async (path, overwrite) => {
    const result = await api.accounts.export({
      path,
      overwrite,
      ...(ids ? { ids } : {}),
      // Keys go only into a file encrypted with the passphrase.
      ...(withSecrets ? { includeSecrets: true as const, passphrase } : { includeSecrets: false as const }),
    });
    if (result.ok) {
      // The passphrase is not needed once the file is written: keep it no longer than that.
      setPassphrase('');
      setConfirm('');
    }
    return result;
  });
  const issues = fieldIssues(file.error, fields);

  function submit() {
    const problems = withSecrets ? newPassphraseProblems(passphrase, confirm) : undefined;
    if (!problems) return void file.save();
    const [path, message] = Object.entries(problems)[0] ?? ['passphrase', ''];
    file.fail({ code: 'invalid_input', message, issues: [{ path, message }] });
  }

  const written = file.done;
  const withKeys = 'with their keys, encrypted';
  return (
    <FormDialog
      title="Export accounts"
      submit={{ label: 'Export' }}
      onSubmit={submit}
      busy={file.busy}
      error={file.error}
      fields={fields}
      done={
        written && (
          <FileWrittenBar
            title={`Exported ${plural(written.count, 'account', 'accounts')} ${written.encrypted ? withKeys : 'without keys'}`}
            path={written.path}
          />
        )
      }
      onClose={onClose}
    >
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
          <TextField
            label="Passphrase"
            required
            secret
            autoComplete="new-password"
            value={passphrase}
            onChange={setPassphrase}
            error={issues.passphrase}
          >
            At least 10 characters. Whoever imports the file needs it.
          </TextField>
          <TextField
            label="Confirm passphrase"
            required
            secret
            autoComplete="new-password"
            value={confirm}
            onChange={setConfirm}
            error={issues.confirm}
          />
        </>
      )}
      {!withSecrets && <Body1>Only names, IDs, domains, endpoints, clouds, tags and notes are written: no keys.</Body1>}
      <SaveToFile file={file} error={issues.path} hint="A full path on this computer." />
    </FormDialog>
  );
}

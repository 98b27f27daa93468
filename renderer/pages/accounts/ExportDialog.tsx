import {
  Body1,
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AccountView, ExportResult } from '../../../shared/accounts.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { newPassphraseSchema } from '../../../shared/vault.ts';
import { api } from '../../api.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { problem } from '../../components/field-problem.ts';

const useStyles = makeStyles({
  // DialogContent scrolls: its children keep their height instead of shrinking into each other.
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

/** `<home>/azcred-accounts-2025-01-31.json`, with the separator the home folder already uses. */
export function suggestedExportPath(homeFolder: string, today = new Date()): string {
  const separator = homeFolder.includes('\\') && !homeFolder.includes('/') ? '\\' : '/';
  const date = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}-${String(today.getDate()).padStart(2, '0')}`;
  return `${homeFolder.replace(/[\\/]+$/, '')}${separator}azcred-accounts-${date}.json`;
}

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
  const styles = useStyles();
  const [which, setWhich] = useState<Which>(selected ? 'selected' : 'all');
  const [withSecrets, setWithSecrets] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [path, setPath] = useState(() => suggestedExportPath(homeFolder));
  const [overwrite, setOverwrite] = useState(false);
  const [errors, setErrors] = useState<{ passphrase?: string; confirm?: string; path?: string }>({});
  const [error, setError] = useState<AppErrorShape>();
  const [written, setWritten] = useState<ExportResult>();
  const [busy, setBusy] = useState(false);

  const ids = which === 'selected' && selected ? [selected.id] : which === 'shown' ? shown.map((a) => a.id) : undefined;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (withSecrets) {
      const strong = newPassphraseSchema.safeParse(passphrase);
      if (!strong.success) return setErrors({ passphrase: strong.error.issues[0]?.message ?? 'Choose a longer passphrase' });
      if (confirm !== passphrase) return setErrors({ confirm: 'The two passphrases differ' });
    }
    setErrors({});
    setError(undefined);
    setBusy(true);
    const result = await api.accounts.export({ path, includeSecrets: withSecrets, overwrite, ...(ids ? { ids } : {}), ...(withSecrets ? { passphrase } : {}) });
    setBusy(false);
    if (result.ok) return setWritten(result.value);
    const byField = Object.fromEntries((result.error.issues ?? []).map((i) => [i.path, i.message]));
    if (byField['path'] || byField['passphrase']) setErrors({ ...(byField['path'] ? { path: byField['path'] } : {}), ...(byField['passphrase'] ? { passphrase: byField['passphrase'] } : {}) });
    else if (result.error.code === 'conflict') setErrors({ path: `${result.error.message} Tick “Replace the file” to write over it.` });
    else setError(result.error);
  }

  return (
    <Dialog open onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <DialogBody>
            <DialogTitle>Export accounts</DialogTitle>
            <DialogContent className={styles.content}>
              {written ? (
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody role="status">
                    <MessageBarTitle>
                      Exported {written.count === 1 ? '1 account' : `${written.count.toLocaleString()} accounts`}
                      {written.encrypted ? ' with their keys, encrypted' : ' without keys'}
                    </MessageBarTitle>
                    Written to <span className={styles.path}>{written.path}</span>. The file is readable only by you.
                  </MessageBarBody>
                </MessageBar>
              ) : (
                <>
                  <Field label="Accounts">
                    <RadioGroup value={which} onChange={(_, d) => setWhich(d.value as Which)}>
                      {selected && <Radio value="selected" label={`The selected account (${selected.name})`} />}
                      {shown.length !== all.length && <Radio value="shown" label={`The ${shown.length.toLocaleString()} accounts shown by the filter`} />}
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
                      <Field label="Passphrase" required hint="At least 10 characters. Whoever imports the file needs it." {...problem(errors.passphrase)}>
                        <Input type="password" autoComplete="new-password" value={passphrase} onChange={(_, d) => setPassphrase(d.value)} />
                      </Field>
                      <Field label="Confirm passphrase" required {...problem(errors.confirm)}>
                        <Input type="password" autoComplete="new-password" value={confirm} onChange={(_, d) => setConfirm(d.value)} />
                      </Field>
                    </>
                  )}
                  {!withSecrets && <Body1>Only names, IDs, domains, endpoints, clouds, tags and notes are written: no keys.</Body1>}
                  <Field label="Save to" required hint="A full path on this computer." {...problem(errors.path)}>
                    <Input value={path} onChange={(_, d) => setPath(d.value)} />
                  </Field>
                  <Checkbox checked={overwrite} onChange={(_, d) => setOverwrite(d.checked === true)} label="Replace the file if it exists" />
                  <ErrorBar error={error} />
                </>
              )}
            </DialogContent>
            <DialogActions>
              {written ? (
                <Button appearance="primary" onClick={onClose}>
                  Close
                </Button>
              ) : (
                <>
                  <Button appearance="secondary" onClick={onClose}>
                    Cancel
                  </Button>
                  <Button appearance="primary" type="submit" disabled={busy}>
                    Export
                  </Button>
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}

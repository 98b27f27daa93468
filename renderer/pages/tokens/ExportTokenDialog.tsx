import {
  Button,
  Caption1,
  Checkbox,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { tokenExportFormatInfo, tokenExportFormats, type TokenExportFormat, type TokenExportResult } from '../../../shared/token-export.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { fileInFolder, useSavePath } from '../../components/save-path.ts';
import { FileWrittenBar, replaceToOverwrite, SaveToField } from '../../components/SaveToFile.tsx';
import { copyInPage, type CopyHow } from '../../components/secret-clipboard.ts';
import { SecretValue } from '../../components/SecretValue.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';
import { DoneButton } from '../../components/DoneButton.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '640px', width: '100%' },
  hint: { color: tokens.colorNeutralForeground2 },
});

export interface ExportTokenDialogProps {
  token: TokenView;
  homeFolder: string;
  copy: CopyHow;
  revealSeconds: number;
  onClose(): void;
}

/** Exports one token: to a 0600 file, or as text shown only on request; arrconfig.json warns before it takes the account key. */
export function ExportTokenDialog({ token, homeFolder, copy, revealSeconds, onClose }: ExportTokenDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const formats = tokenExportFormats.filter((f) => f !== 'arrconfig' || token.kind === 'arr-sts');
  const [format, setFormat] = useState<TokenExportFormat>('env');
  const [target, setTarget] = useState<'file' | 'text'>('file');
  const [path, setPath] = useSavePath(fileInFolder(homeFolder, tokenExportFormatInfo[format].fileName));
  const [overwrite, setOverwrite] = useState(false);
  const [includeKey, setIncludeKey] = useState(false);
  const [error, setError] = useState<AppErrorShape>();
  const [written, setWritten] = useState<TokenExportResult>();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const issues = fieldIssues(error, ['path', 'format']);
  const base = { id: token.id, format, includeAccountKey: format === 'arrconfig' && includeKey };

  function chooseFormat(next: TokenExportFormat) {
    setFormat(next);
    setNote(null);
    setError(undefined);
  }

  async function save(event: FormEvent) {
    event.preventDefault();
    if (target !== 'file') return;
    setError(undefined);
    setBusy(true);
    const result = await api.tokens.export({ ...base, path, overwrite });
    setBusy(false);
    if (!result.ok) {
      if (result.error.code === 'conflict')
        setError({ ...result.error, issues: [{ path: 'path', message: replaceToOverwrite(result.error.message) }] });
      else setError(result.error);
      return;
    }
    setWritten(result.value);
  }

  async function exportedText() {
    const result = await api.tokens.export(base);
    if (result.ok) setNote(result.value.note);
    return result;
  }

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={(e) => void save(e)} noValidate>
          <DialogBody>
            <DialogTitle>Export the token</DialogTitle>
            <DialogContent className={dialog.content}>
              {written ? (
                <FileWrittenBar title={`Exported as ${tokenExportFormatInfo[written.format].label}`} path={written.path ?? path}>
                  {written.note}
                </FileWrittenBar>
              ) : (
                <>
                  <Caption1 className={styles.hint}>{token.title}</Caption1>
                  <Field label="Format" {...problem(issues.format)}>
                    <RadioGroup value={format} onChange={(_, d) => chooseFormat(d.value as TokenExportFormat)}>
                      {formats.map((f) => (
                        <Radio key={f} value={f} label={`${tokenExportFormatInfo[f].label}: ${tokenExportFormatInfo[f].hint}`} />
                      ))}
                    </RadioGroup>
                  </Field>
                  {format === 'arrconfig' && (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>arrconfig.json takes the account key, not a token</MessageBarTitle>
                        Microsoft’s ARR scripts sign in with the account key: there is no field for an access token. Without the key the
                        file has a placeholder to fill in. With it, whoever reads the file has full access to the account until the key is
                        regenerated.
                        <Checkbox
                          checked={includeKey}
                          onChange={(_, d) => setIncludeKey(d.checked === true)}
                          label="I understand: put the account key in the file"
                        />
                      </MessageBarBody>
                    </MessageBar>
                  )}
                  <Field label="Export to">
                    <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as 'file' | 'text')} layout="horizontal">
                      <Radio value="file" label="A file" />
                      <Radio value="text" label="Text to copy" />
                    </RadioGroup>
                  </Field>
                  {target === 'file' ? (
                    <SaveToField path={path} onPath={setPath} error={issues.path} overwrite={overwrite} onOverwrite={setOverwrite} />
                  ) : (
                    <SecretValue
                      key={`${format}-${String(includeKey)}`}
                      label="Exported text"
                      testId="export-text"
                      reveal={async () => {
                        const result = await exportedText();
                        return result.ok
                          ? { ok: true, value: { value: result.value.text ?? '', hideAfterSeconds: revealSeconds } }
                          : result;
                      }}
                      copy={async () => {
                        if (copy.coreClipboard) {
                          const result = await api.tokens.export({ ...base, copy: true });
                          if (result.ok) setNote(result.value.note);
                          return result.ok
                            ? { ok: true, value: { clearsAfterSeconds: result.value.clearsAfterSeconds ?? copy.clearAfterSeconds } }
                            : result;
                        }
                        const result = await exportedText();
                        return result.ok ? copyInPage(result.value.text ?? '', copy.clearAfterSeconds) : result;
                      }}
                      onError={setError}
                    />
                  )}
                  {note && <Caption1>{note}</Caption1>}
                  <ErrorBar error={issues.form !== undefined ? error : undefined} />
                </>
              )}
            </DialogContent>
            <DialogActions>
              {written ? (
                <DoneButton onClick={onClose}>Close</DoneButton>
              ) : (
                <>
                  <Button appearance="secondary" onClick={onClose}>
                    {target === 'file' ? 'Cancel' : 'Close'}
                  </Button>
                  {target === 'file' && (
                    <Button appearance="primary" type="submit" disabledFocusable={busy}>
                      Export
                    </Button>
                  )}
                </>
              )}
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </ModalDialog>
  );
}

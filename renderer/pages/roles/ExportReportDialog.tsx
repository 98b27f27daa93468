import {
  Button,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import type { AppErrorShape } from '../../../shared/errors.ts';
import type { ReportFormat, RoleReportExport } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import { CopyableBlock } from '../../components/CopyableBlock.tsx';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { DoneButton } from '../../components/DoneButton.tsx';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { plural } from '../../components/plural.ts';
import { fileDate, fileInFolder, useSavePath } from '../../components/save-path.ts';
import { FileWrittenBar, SaveToField } from '../../components/SaveToFile.tsx';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: '100%' },
  text: { maxHeight: '320px', overflow: 'auto' },
});

const formats: { value: ReportFormat; label: string; extension: string }[] = [
  { value: 'csv', label: 'CSV: one row per identity, resource and capability, for a spreadsheet', extension: 'csv' },
  { value: 'markdown', label: 'Markdown: a table per identity and resource, with the why, for a wiki or a ticket', extension: 'md' },
  { value: 'json', label: 'JSON: the whole audit, assignments and role definitions included', extension: 'json' },
];

export interface ExportReportDialogProps {
  homeFolder: string;
  /** The identities and accounts the filter shows, when it hides some; the whole audit otherwise. */
  shown: { identityIds: string[]; accountIds: string[]; label: string } | undefined;
  onClose(): void;
}

/** Exports the last audit as CSV, Markdown or JSON: to a file only the user can read, or as text to copy. */
export function ExportReportDialog({ homeFolder, shown, onClose }: ExportReportDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const [format, setFormat] = useState<ReportFormat>('csv');
  const [which, setWhich] = useState<'all' | 'shown'>('all');
  const [target, setTarget] = useState<'file' | 'text'>('file');
  const extension = formats.find((f) => f.value === format)?.extension ?? format;
  const [path, setPath] = useSavePath(fileInFolder(homeFolder, `role-audit-${fileDate()}.${extension}`));
  const [conflict, setConflict] = useState<string>();
  const [error, setError] = useState<AppErrorShape>();
  const [done, setDone] = useState<RoleReportExport>();
  const [busy, setBusy] = useState(false);
  const issues = fieldIssues(error, ['path', 'format']);
  const limit = which === 'shown' && shown ? { identityIds: shown.identityIds, accountIds: shown.accountIds } : {};

  function reset(next: () => void) {
    next();
    setDone(undefined);
    setError(undefined);
    setConflict(undefined);
  }

  async function run(overwrite: boolean) {
    setBusy(true);
    setError(undefined);
    setConflict(undefined);
    const result = await api.roles.exportReport({ format, ...limit, ...(target === 'file' ? { path, overwrite } : {}) });
    setBusy(false);
    if (result.ok) return setDone(result.value);
    if (result.error.code === 'conflict') setConflict(result.error.message);
    else setError(result.error);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void run(false);
  }

  const written = done && 'path' in done ? done : undefined;
  const text = done && 'text' in done ? done.text : undefined;
  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>Export the role audit</DialogTitle>
            <DialogContent className={dialog.content}>
              {written ? (
                <FileWrittenBar
                  title={
                    `Exported ${plural(written.cells, 'identity–resource pair', 'identity–resource pairs')} as ` +
                    `${written.format.toUpperCase()}`
                  }
                  path={written.path}
                />
              ) : (
                <>
                  <Field label="Format" {...problem(issues.format)}>
                    <RadioGroup value={format} onChange={(_, d) => reset(() => setFormat(d.value as ReportFormat))}>
                      {formats.map((f) => (
                        <Radio key={f.value} value={f.value} label={f.label} />
                      ))}
                    </RadioGroup>
                  </Field>
                  {shown && (
                    <Field label="What">
                      <RadioGroup value={which} onChange={(_, d) => reset(() => setWhich(d.value as 'all' | 'shown'))}>
                        <Radio value="all" label="The whole audit" />
                        <Radio value="shown" label={`What the filter shows (${shown.label})`} />
                      </RadioGroup>
                    </Field>
                  )}
                  <Field label="Export to">
                    <RadioGroup value={target} layout="horizontal" onChange={(_, d) => reset(() => setTarget(d.value as 'file' | 'text'))}>
                      <Radio value="file" label="A file" />
                      <Radio value="text" label="Text to copy" />
                    </RadioGroup>
                  </Field>
                  {target === 'file' ? (
                    <SaveToField
                      path={path}
                      onPath={(typed) => {
                        setPath(typed);
                        setConflict(undefined);
                      }}
                      error={issues.path}
                    />
                  ) : text !== undefined ? (
                    <div className={styles.text}>
                      <CopyableBlock
                        title={`The report as ${format === 'markdown' ? 'Markdown' : format.toUpperCase()}`}
                        text={text}
                        testId="report-text"
                      />
                    </div>
                  ) : null}
                  {conflict && (
                    <MessageBar intent="warning" layout="multiline">
                      <MessageBarBody>
                        <MessageBarTitle>The file exists</MessageBarTitle>
                        {conflict}
                      </MessageBarBody>
                      <MessageBarActions>
                        <Button onClick={() => void run(true)} disabledFocusable={busy}>
                          Replace it
                        </Button>
                      </MessageBarActions>
                    </MessageBar>
                  )}
                  {busy && <Spinner size="tiny" label="Exporting…" />}
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
                    {target === 'text' && text !== undefined ? 'Close' : 'Cancel'}
                  </Button>
                  <Button appearance="primary" type="submit" disabledFocusable={busy}>
                    {target === 'file' ? 'Export' : 'Show the text'}
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

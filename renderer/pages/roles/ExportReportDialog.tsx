import { Field, makeStyles, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import type { ReportFormat } from '../../../shared/roles.ts';
import { api } from '../../api.ts';
import { CopyableBlock } from '../../components/CopyableBlock.tsx';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { exportTargets, RadioField } from '../../components/RadioField.tsx';
import { plural } from '../../components/plural.ts';
import { fileDate, fileInFolder } from '../../components/save-path.ts';
import { FileWrittenBar, SaveToFile } from '../../components/SaveToFile.tsx';
import { useExportFile } from '../../components/use-export-file.ts';

const fields = ['path', 'format'] as const;
const pairWords = ['identity–resource pair', 'identity–resource pairs'] as const;

const useStyles = makeStyles({
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
  const [format, setFormat] = useState<ReportFormat>('csv');
  const [which, setWhich] = useState<'all' | 'shown'>('all');
  const [target, setTarget] = useState<'file' | 'text'>('file');
  const extension = formats.find((f) => f.value === format)?.extension ?? format;
  const limit = which === 'shown' && shown ? { identityIds: shown.identityIds, accountIds: shown.accountIds } : {};
  // A report shown as text goes through the same call, without a path.
  const report = useExportFile(fileInFolder(homeFolder, `role-audit-${fileDate()}.${extension}`), (path, overwrite) =>
    api.roles.exportReport({ format, ...limit, ...(target === 'file' ? { path, overwrite } : {}) }),
  );
  const issues = fieldIssues(report.error, fields);

  function change(next: () => void) {
    next();
    report.clear();
  }

  const written = report.done && 'path' in report.done ? report.done : undefined;
  const text = report.done && 'text' in report.done ? report.done.text : undefined;
  return (
    <FormDialog
      title="Export the role audit"
      size="large"
      submit={{ label: target === 'file' ? 'Export' : 'Show the text' }}
      cancelLabel={target === 'text' && text !== undefined ? 'Close' : 'Cancel'}
      onSubmit={() => void report.save()}
      busy={report.busy}
      error={report.error}
      fields={fields}
      progress={report.busy && <Spinner size="tiny" label="Exporting…" />}
      done={
        written && (
          <FileWrittenBar
            title={`Exported ${plural(written.cells, ...pairWords)} as ${written.format.toUpperCase()}`}
            path={written.path}
          />
        )
      }
      onClose={onClose}
    >
      <Field label="Format" {...problem(issues.format)}>
        <RadioGroup value={format} onChange={(_, d) => change(() => setFormat(d.value as ReportFormat))}>
          {formats.map((f) => (
            <Radio key={f.value} value={f.value} label={f.label} />
          ))}
        </RadioGroup>
      </Field>
      {shown && (
        <Field label="What">
          <RadioGroup value={which} onChange={(_, d) => change(() => setWhich(d.value as 'all' | 'shown'))}>
            <Radio value="all" label="The whole audit" />
            <Radio value="shown" label={`What the filter shows (${shown.label})`} />
          </RadioGroup>
        </Field>
      )}
      <RadioField label="Export to" horizontal choices={exportTargets} value={target} onChange={(t) => change(() => setTarget(t))} />
      {target === 'file' ? (
        <SaveToFile file={report} error={issues.path} />
      ) : text !== undefined ? (
        <div className={styles.text}>
          <CopyableBlock
            title={`The report as ${format === 'markdown' ? 'Markdown' : format.toUpperCase()}`}
            text={text}
            testId="report-text"
          />
        </div>
      ) : null}
    </FormDialog>
  );
}

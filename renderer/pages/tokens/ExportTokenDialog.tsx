import { Caption1, Checkbox, Field, Radio, RadioGroup } from '@fluentui/react-components';
import { useState } from 'react';
import { tokenExportFormatInfo, tokenExportFormats, type TokenExportFormat } from '../../../shared/token-export.ts';
import type { TokenView } from '../../../shared/tokens.ts';
import { api } from '../../api.ts';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { FormDialog } from '../../components/FormDialog.tsx';
import { exportTargets, RadioField } from '../../components/RadioField.tsx';
import { fileInFolder } from '../../components/save-path.ts';
import { FileWrittenBar, SaveToFile } from '../../components/SaveToFile.tsx';
import { copyInPage, type CopyHow } from '../../components/secret-clipboard.ts';
import { SecretValue } from '../../components/SecretValue.tsx';
import { useExportFile } from '../../components/use-export-file.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';
import { WarningBar } from '../../components/WarningBar.tsx';

const fields = ['path', 'format'] as const;
const textFirst = [...exportTargets.filter((t) => t.value === 'text'), ...exportTargets.filter((t) => t.value !== 'text')];

export interface ExportTokenDialogProps {
  token: TokenView;
  homeFolder: string;
  copy: CopyHow;
  revealSeconds: number;
  onClose(): void;
}

/** Exports one token: to a 0600 file, or as text shown only on request; arrconfig.json warns before it takes the account key. */
export function ExportTokenDialog({ token, homeFolder, copy, revealSeconds, onClose }: ExportTokenDialogProps) {
  const layout = useLayoutStyles();
  const formats = tokenExportFormats.filter((f) => f !== 'arrconfig' || token.kind === 'arr-sts');
  const [format, setFormat] = useState<TokenExportFormat>('env');
  // Text to copy first: most exports go straight into a tool, and a file in the home folder is one more thing to clean up.
  const [target, setTarget] = useState<'file' | 'text'>('text');
  const [includeKey, setIncludeKey] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const base = { id: token.id, format, includeAccountKey: format === 'arrconfig' && includeKey };
  const file = useExportFile(fileInFolder(homeFolder, tokenExportFormatInfo[format].fileName), (path, overwrite) =>
    api.tokens.export({ ...base, path, overwrite }),
  );
  const issues = fieldIssues(file.error, fields);

  function chooseFormat(next: TokenExportFormat) {
    setFormat(next);
    setNote(null);
    file.clear();
  }

  async function exportedText(purpose?: 'copy') {
    const result = await api.tokens.export({ ...base, ...(purpose && { purpose }) });
    if (result.ok) setNote(result.value.note);
    return result;
  }

  const written = file.done;
  return (
    <FormDialog
      title="Export token"
      size="medium"
      submit={target === 'file' ? { label: 'Export' } : undefined}
      cancelLabel={target === 'file' ? 'Cancel' : 'Close'}
      onSubmit={() => target === 'file' && void file.save()}
      busy={file.busy}
      error={file.error}
      fields={fields}
      done={
        written && (
          <FileWrittenBar title={`Exported as ${tokenExportFormatInfo[written.format].label}`} path={written.path ?? file.path}>
            {written.note}
          </FileWrittenBar>
        )
      }
      onClose={onClose}
    >
      <Caption1 className={layout.muted}>{token.title}</Caption1>
      <Field label="Format" {...problem(issues.format)}>
        <RadioGroup value={format} onChange={(_, d) => chooseFormat(d.value as TokenExportFormat)}>
          {formats.map((f) => (
            <Radio key={f} value={f} label={`${tokenExportFormatInfo[f].label}: ${tokenExportFormatInfo[f].hint}`} />
          ))}
        </RadioGroup>
      </Field>
      {format === 'arrconfig' && (
        <WarningBar title="arrconfig.json takes the account key, not a token">
          Microsoft’s ARR scripts sign in with the account key: there is no field for an access token. Without the key the file has a
          placeholder to fill in. With it, whoever reads the file has full access to the account until the key is regenerated.
          <Checkbox
            checked={includeKey}
            onChange={(_, d) => setIncludeKey(d.checked === true)}
            label="I understand: put the account key in the file"
          />
        </WarningBar>
      )}
      <RadioField label="Export to" horizontal choices={textFirst} value={target} onChange={(t) => setTarget(t)} />
      {target === 'file' ? (
        <SaveToFile file={file} error={issues.path} />
      ) : (
        <SecretValue
          key={`${format}-${String(includeKey)}`}
          label="Exported text"
          testId="export-text"
          reveal={async () => {
            const result = await exportedText();
            return result.ok ? { ok: true, value: { value: result.value.text ?? '', hideAfterSeconds: revealSeconds } } : result;
          }}
          copy={async () => {
            if (copy.coreClipboard) {
              const result = await api.tokens.export({ ...base, copy: true });
              if (result.ok) setNote(result.value.note);
              return result.ok
                ? { ok: true, value: { clearsAfterSeconds: result.value.clearsAfterSeconds ?? copy.clearAfterSeconds } }
                : result;
            }
            const result = await exportedText('copy');
            return result.ok ? copyInPage(result.value.text ?? '', copy.clearAfterSeconds) : result;
          }}
          onError={file.fail}
        />
      )}
      {note && <Caption1>{note}</Caption1>}
    </FormDialog>
  );
}

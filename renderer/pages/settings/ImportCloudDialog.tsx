import {
  Body1,
  Button,
  Caption1,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AppErrorShape } from '../../../shared/errors.ts';
import { api } from '../../api.ts';
import { useDialogStyles } from '../../components/dialog-styles.ts';
import { ErrorBar } from '../../components/ErrorBar.tsx';
import { problem } from '../../components/field-problem.ts';
import { ModalDialog } from '../../components/ModalDialog.tsx';

const useStyles = makeStyles({
  surface: { maxWidth: '720px' },
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  file: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  issues: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  path: { fontFamily: tokens.fontFamilyMonospace },
});

const maxBytes = 200_000;

export interface ImportCloudDialogProps {
  onImported(profile: CloudProfileView): void;
  onClose(): void;
}

/**
 * Adds a custom cloud profile from its JSON, pasted or read from a file (`npm run emulator` writes
 * one to .emulator/cloud-profile.json). A profile with the name of an existing custom one replaces it.
 */
export function ImportCloudDialog({ onImported, onClose }: ImportCloudDialogProps) {
  const styles = useStyles();
  const dialog = useDialogStyles();
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState<AppErrorShape>();
  const [busy, setBusy] = useState(false);

  const textIssue =
    error?.issues
      ?.filter((i) => i.path === 'text')
      .map((i) => i.message)
      .join(' ') || undefined;
  const profileIssues = error?.issues?.filter((i) => i.path !== 'text') ?? [];

  async function choose(list: FileList | null) {
    const file = list?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    setError(undefined);
    if (file.size > maxBytes)
      return setError({ code: 'invalid_input', message: `${file.name} is larger than 200 KB: that is not a cloud profile.` });
    setText(await file.text());
    setFileName(file.name);
  }

  async function submit() {
    setBusy(true);
    const result = await api.clouds.import({ text });
    setBusy(false);
    if (result.ok) return onImported(result.value);
    setError(result.error);
  }

  return (
    <ModalDialog onOpenChange={(_, d) => !d.open && onClose()}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>Import a cloud profile</DialogTitle>
          <DialogContent className={dialog.content}>
            <Body1>
              A cloud profile names a cloud’s endpoints: its Entra ID authority, Resource Manager, the Mixed Reality STS and Remote
              Rendering, the public client used for sign-in, and an extra CA to trust. For the local emulator, choose{' '}
              <span className={styles.path}>.emulator/cloud-profile.json</span>. A profile with the name of one you imported before replaces
              it.
            </Body1>
            <Field label="Profile (JSON)" {...problem(textIssue)}>
              <Textarea
                textarea={{ className: styles.json }}
                value={text}
                rows={8}
                resize="vertical"
                spellCheck={false}
                placeholder={'{ "name": "AzureStackHub", "displayName": "…", "authorityHost": "https://…", … }'}
                onChange={(_, d) => (setText(d.value), setFileName(''), setError(undefined))}
              />
            </Field>
            <div className={styles.file}>
              <input
                ref={fileInput}
                type="file"
                hidden
                accept=".json,application/json"
                data-testid="cloud-profile-file"
                onChange={(e) => void choose(e.target.files)}
              />
              <Button icon={<DocumentArrowUpRegular />} onClick={() => fileInput.current?.click()}>
                Choose a file…
              </Button>
              {fileName && <Caption1>Read {fileName}</Caption1>}
            </div>
            {error && !textIssue && (
              <ErrorBar error={error}>
                {profileIssues.length > 0 && (
                  <ul className={styles.issues} aria-label="Problems in the profile">
                    {profileIssues.map((issue) => (
                      <li key={`${issue.path}:${issue.message}`}>
                        <span className={styles.path}>{issue.path || 'profile'}</span>: {issue.message}
                      </li>
                    ))}
                  </ul>
                )}
              </ErrorBar>
            )}
          </DialogContent>
          <DialogActions>
            <Button appearance="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button appearance="primary" disabled={!text.trim()} disabledFocusable={busy} onClick={() => void submit()}>
              Import
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </ModalDialog>
  );
}

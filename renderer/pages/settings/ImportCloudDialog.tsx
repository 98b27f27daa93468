import { Body1, Caption1, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import { api } from '../../api.ts';
import { fieldIssues, problem } from '../../components/field-problem.ts';
import { FileChooser } from '../../components/FileChooser.tsx';
import { FormDialog } from '../../components/FormDialog.tsx';
import { useCall } from '../../components/use-call.ts';

const useStyles = makeStyles({
  json: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
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
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const call = useCall();
  const textIssue = fieldIssues(call.error, ['text']).text;
  const profileIssues = call.error?.issues?.filter((i) => i.path !== 'text') ?? [];

  async function submit() {
    const result = await call.run(() => api.clouds.import({ text }));
    if (result.ok) onImported(result.value);
  }

  return (
    <FormDialog
      title="Import a cloud profile"
      size="large"
      submit={{ label: 'Import', disabled: !text.trim() }}
      onSubmit={() => void submit()}
      busy={call.busy}
      error={call.error}
      formMessage={(error) => (textIssue ? undefined : error.message)}
      errorDetail={
        profileIssues.length > 0 && (
          <ul className={styles.issues} aria-label="Problems in the profile">
            {profileIssues.map((issue) => (
              <li key={`${issue.path}:${issue.message}`}>
                <span className={styles.path}>{issue.path || 'profile'}</span>: {issue.message}
              </li>
            ))}
          </ul>
        )
      }
      onClose={onClose}
    >
      <Body1>
        A cloud profile names a cloud’s endpoints: its Entra ID authority, Resource Manager, the Mixed Reality STS and Remote Rendering, the
        public client used for sign-in, and an extra CA to trust. For the local emulator, choose{' '}
        <span className={styles.path}>.emulator/cloud-profile.json</span>. A profile with the name of one you imported before replaces it.
      </Body1>
      <Field label="Profile (JSON)" {...problem(textIssue)}>
        <Textarea
          textarea={{ className: styles.json }}
          value={text}
          rows={8}
          resize="vertical"
          spellCheck={false}
          placeholder={'{ "name": "AzureStackHub", "displayName": "…", "authorityHost": "https://…", … }'}
          onChange={(_, d) => (setText(d.value), setFileName(''), call.reset())}
        />
      </Field>
      <FileChooser
        label="Choose a file…"
        accept=".json,application/json"
        testId="cloud-profile-file"
        maxBytes={maxBytes}
        tooLarge={(name) => `${name} is larger than 200 KB: that is not a cloud profile.`}
        onRead={(file) => (call.reset(), setText(file.text), setFileName(file.name))}
        onRefused={(message) => call.fail({ code: 'invalid_input', message })}
      >
        {fileName && <Caption1>Read {fileName}</Caption1>}
      </FileChooser>
    </FormDialog>
  );
}

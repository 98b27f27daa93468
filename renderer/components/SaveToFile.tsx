import {
  Button,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { problem } from './field-problem.ts';
import type { ExportFile } from './use-export-file.ts';

const useStyles = makeStyles({
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

export interface SaveToFileProps {
  file: Pick<ExportFile<unknown>, 'path' | 'setPath' | 'exists' | 'replace' | 'busy'>;
  /** A path the core refused. */
  error: string | undefined;
  hint?: string;
}

/** Where an export is written, a full path; when the file exists, the question before it is replaced. */
export function SaveToFile({
  file,
  error,
  hint = 'A full path on this computer. The file is written readable only by you.',
}: SaveToFileProps) {
  return (
    <>
      <Field label="Save to" required hint={hint} {...problem(error)}>
        <Input value={file.path} onChange={(_, d) => file.setPath(d.value)} />
      </Field>
      {file.exists && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>The file exists</MessageBarTitle>
            {file.exists}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void file.replace()} disabledFocusable={file.busy}>
              Replace it
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </>
  );
}

/** What an export wrote and where; the core writes every export readable only by the user. */
export function FileWrittenBar({ title, path, children }: { title: ReactNode; path: string; children?: ReactNode }) {
  const styles = useStyles();
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody role="status">
        <MessageBarTitle>{title}</MessageBarTitle>
        Written to <span className={styles.path}>{path}</span>. The file is readable only by you.{children && <> {children}</>}
      </MessageBarBody>
    </MessageBar>
  );
}

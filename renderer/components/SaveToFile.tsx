import { Button, Field, Input, MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { problem } from './field-problem.ts';
import type { ExportFile } from './use-export-file.ts';
import { useLayoutStyles } from './layout-styles.ts';
import { WarningBar } from './WarningBar.tsx';

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
        <WarningBar
          title="The file exists"
          action={
            <Button onClick={() => void file.replace()} disabledFocusable={file.busy}>
              Replace it
            </Button>
          }
        >
          {file.exists}
        </WarningBar>
      )}
    </>
  );
}

/** What an export wrote and where; the core writes every export readable only by the user. */
export function FileWrittenBar({ title, path, children }: { title: ReactNode; path: string; children?: ReactNode }) {
  const layout = useLayoutStyles();
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody role="status">
        <MessageBarTitle>{title}</MessageBarTitle>
        Written to <span className={layout.mono}>{path}</span>. The file is readable only by you.{children && <> {children}</>}
      </MessageBarBody>
    </MessageBar>
  );
}

import { Checkbox, Field, Input, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { problem } from './field-problem.ts';

const useStyles = makeStyles({
  path: { fontFamily: tokens.fontFamilyMonospace, wordBreak: 'break-all' },
});

export interface SaveToFieldProps {
  path: string;
  onPath(path: string): void;
  /** Shown under the field: a refused path, or a file that exists (see `replaceToOverwrite`). */
  error: string | undefined;
  hint?: string;
  /** With `onOverwrite`, a "Replace the file if it exists" box follows the field. */
  overwrite?: boolean;
  onOverwrite?(on: boolean): void;
}

/** Where an export is written: a full path, and whether an existing file may be replaced. */
export function SaveToField({
  path,
  onPath,
  error,
  hint = 'A full path on this computer. The file is written readable only by you.',
  overwrite = false,
  onOverwrite,
}: SaveToFieldProps) {
  return (
    <>
      <Field label="Save to" required hint={hint} {...problem(error)}>
        <Input value={path} onChange={(_, d) => onPath(d.value)} />
      </Field>
      {onOverwrite && (
        <Checkbox checked={overwrite} onChange={(_, d) => onOverwrite(d.checked === true)} label="Replace the file if it exists" />
      )}
    </>
  );
}

/** The core's "file exists" message, pointing at SaveToField's Replace box. */
export function replaceToOverwrite(message: string): string {
  return `${message} Tick “Replace the file” to write over it.`;
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

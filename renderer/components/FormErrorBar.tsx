import type { ReactNode } from 'react';
import type { AppErrorShape } from '../../shared/errors.ts';
import { ErrorBar } from './ErrorBar.tsx';
import { fieldIssues } from './field-problem.ts';

export interface FormErrorBarProps {
  /** The call's error, or a problem the form found before calling. */
  error: AppErrorShape | undefined;
  /** The fields that show their own issues (see fieldIssues); the bar says the rest. Without it, the bar says the whole message. */
  fields?: readonly string[] | undefined;
  /** Where the fields' paths start (`publicClient.`). */
  prefix?: string | undefined;
  /** What the bar says when the fields are found another way; undefined: nothing, each field shows its own. */
  formMessage?: ((error: AppErrorShape) => string | undefined) | undefined;
  /** More on the error, inside its bar (a list of problems). */
  children?: ReactNode;
}

/** Under a form: the part of the call's error that no field shows. */
export function FormErrorBar({ error, fields, prefix, formMessage, children }: FormErrorBarProps) {
  if (!error) return null;
  const message = formMessage ? formMessage(error) : fields ? fieldIssues(error, fields, prefix).form : error.message;
  if (message === undefined) return null;
  return <ErrorBar error={{ ...error, message }}>{children}</ErrorBar>;
}

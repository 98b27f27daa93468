import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { FormEvent, ReactNode } from 'react';
import { FormErrorBar, type FormErrorBarProps } from './FormErrorBar.tsx';
import { useFocusInvalid } from './use-focus-invalid.ts';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface CallFormProps extends Omit<FormErrorBarProps, 'children'> {
  /** The id a button outside the form submits it by (a dialog's Mint button). */
  id?: string;
  className?: string;
  onSubmit(): void;
  children: ReactNode;
}

/**
 * One form of a dialog that has several (a tab of New token, the create row of ACS identities): Enter
 * submits it, the call's error shows under its fields, and a refused field takes the focus.
 */
export function CallForm({ id, className, onSubmit, children, ...bar }: CallFormProps) {
  const styles = useStyles();
  const ref = useFocusInvalid<HTMLFormElement>(bar.error);
  function submitted(event: FormEvent) {
    event.preventDefault();
    onSubmit();
  }
  return (
    <form ref={ref} id={id} className={mergeClasses(styles.form, className)} onSubmit={submitted} noValidate>
      {children}
      <FormErrorBar {...bar} />
    </form>
  );
}

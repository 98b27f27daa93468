import { Field, Input, type FieldProps, type InputProps } from '@fluentui/react-components';
import { problem } from './field-problem.ts';
import { useLayoutStyles } from './layout-styles.ts';

export interface TextFieldProps extends Omit<InputProps, 'value' | 'onChange' | 'children' | 'type'> {
  label: string;
  value: string;
  onChange(value: string): void;
  /** Why the value was refused, shown under the field. */
  error?: string | undefined;
  /** What belongs here, shown under the field. */
  children?: FieldProps['hint'];
  required?: boolean;
  /** A key, secret or connection string: masked, and never offered by autocomplete. */
  secret?: boolean;
  /** An ID pasted from elsewhere: monospace, no autocomplete or spell-check. */
  mono?: boolean;
}

/** A labelled text input with its hint and the core's complaint about it: the form field most dialogs are made of. */
export function TextField({ label, value, onChange, error, children, required, secret, mono, ...input }: TextFieldProps) {
  const layout = useLayoutStyles();
  return (
    <Field label={label} required={required === true} hint={children ?? null} {...problem(error)}>
      <Input
        {...(secret ? { type: 'password' as const, autoComplete: 'off' } : {})}
        {...(mono ? { autoComplete: 'off', spellCheck: false, className: layout.mono } : {})}
        {...input}
        value={value}
        onChange={(_, d) => onChange(d.value)}
      />
    </Field>
  );
}

import { Button, Field, Input, type FieldProps } from '@fluentui/react-components';
import { EyeOffRegular, EyeRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { problem } from '../../components/field-problem.ts';

export interface KeyFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  error?: string | undefined;
  /** What belongs here, shown under the field. */
  children?: FieldProps['hint'];
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
  /** The field the dialog opens on (the connection string of a new ACS resource). */
  autoFocus?: boolean;
}

/**
 * A key or connection string being typed: masked, never offered by autocomplete or spell-check,
 * with a Show button to check what was pasted before saving it.
 */
export function KeyField({ label, value, onChange, error, children, required = false, disabled, placeholder, autoFocus }: KeyFieldProps) {
  const [shown, setShown] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // A Fluent dialog focuses its first control after its children mount (the Kind radio here), whatever autoFocus said: take it back
  // on the next frame (@fluentui/react-dialog, lib/utils/useFocusFirstElement.js).
  const [focusFirst] = useState(autoFocus === true);
  useEffect(() => {
    if (!focusFirst) return;
    const frame = window.requestAnimationFrame(() => input.current?.focus());
    return () => window.cancelAnimationFrame(frame);
  }, [focusFirst]);
  const name = label.replace(/ \(optional\)$/, '').toLowerCase();
  return (
    <Field label={label} required={required} hint={children ?? null} {...problem(error)}>
      <Input
        type={shown ? 'text' : 'password'}
        autoComplete="off"
        spellCheck={false}
        value={value}
        disabled={disabled ?? false}
        {...(placeholder === undefined ? {} : { placeholder })}
        input={{ ref: input }}
        onChange={(_, d) => onChange(d.value)}
        contentAfter={
          <Button
            appearance="transparent"
            size="small"
            icon={shown ? <EyeOffRegular /> : <EyeRegular />}
            aria-label={`Show ${name}`}
            aria-pressed={shown}
            disabled={disabled ?? false}
            onClick={() => setShown((s) => !s)}
          />
        }
      />
    </Field>
  );
}

import { Field } from '@fluentui/react-components';
import { problem } from '../../components/field-problem.ts';
import { ChoiceDropdown } from './ChoiceDropdown.tsx';
import type { AcsResource, ArrAccount } from './use-token-sources.ts';

interface SourceFieldProps<T> {
  /** What the user can choose from; none: the placeholder says where to add one. */
  choices: readonly T[];
  value: string | undefined;
  onChange(id: string): void;
  error?: string | undefined;
  required?: boolean;
}

/** The Remote Rendering account a token or a test is for, named with its domain. */
export function ArrAccountField({ choices, value, onChange, error, required = false }: SourceFieldProps<ArrAccount>) {
  return (
    <Field label="ARR account" required={required} {...problem(error)}>
      <ChoiceDropdown
        placeholder={choices.length ? 'Choose an account' : 'No ARR account: add one on the Accounts page'}
        choices={choices.map((a) => ({ value: a.id, text: `${a.name} (${a.accountDomain})` }))}
        value={value}
        onChange={onChange}
      />
    </Field>
  );
}

/** The Communication Services resource a token or an identity is for, named with its endpoint. */
export function AcsResourceField({ choices, value, onChange, error, required = false }: SourceFieldProps<AcsResource>) {
  return (
    <Field label="Communication Services resource" required={required} {...problem(error)}>
      <ChoiceDropdown
        placeholder={choices.length ? 'Choose a resource' : 'No ACS resource: add one on the Accounts page'}
        choices={choices.map((a) => ({ value: a.id, text: `${a.name} (${a.endpoint})` }))}
        value={value}
        onChange={onChange}
      />
    </Field>
  );
}

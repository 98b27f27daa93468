import { Field } from '@fluentui/react-components';
import { problem } from '../../components/field-problem.ts';
import { ChoiceDropdown } from '../../components/ChoiceDropdown.tsx';
import type { AcsResource, ArrAccount } from './use-token-sources.ts';

const words = {
  arr: { label: 'ARR account', choose: 'Choose an account', none: 'No ARR account: add one on the Accounts page' },
  acs: { label: 'Communication Services resource', choose: 'Choose a resource', none: 'No ACS resource: add one on the Accounts page' },
};

export interface AccountFieldProps {
  /** What the user can choose from; none: the placeholder says where to add one. */
  choices: readonly (ArrAccount | AcsResource)[];
  kind: 'arr' | 'acs';
  value: string | undefined;
  onChange(id: string): void;
  error?: string | undefined;
  required?: boolean;
}

/** The Remote Rendering account (named with its domain) or Communication Services resource (with its endpoint) a form is for. */
export function AccountField({ choices, kind, value, onChange, error, required = false }: AccountFieldProps) {
  const said = words[kind];
  return (
    <Field label={said.label} required={required} {...problem(error)}>
      <ChoiceDropdown
        placeholder={choices.length ? said.choose : said.none}
        choices={choices.map((a) => ({ value: a.id, text: `${a.name} (${a.kind === 'arr' ? a.accountDomain : a.endpoint})` }))}
        value={value}
        onChange={onChange}
      />
    </Field>
  );
}

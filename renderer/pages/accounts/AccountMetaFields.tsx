import { Dropdown, Field, Input, Option, Textarea } from '@fluentui/react-components';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import type { AccountForm, FieldErrors } from './account-form.ts';

export interface FormPartProps {
  form: AccountForm;
  set(patch: Partial<AccountForm>): void;
  errors: FieldErrors;
}

/** Shorthand for a Field's error props. */
export function problem(message: string | undefined) {
  return { validationMessage: message ?? null, validationState: message ? ('error' as const) : ('none' as const) };
}

/** The fields every account has after its kind's own: cloud, tags and notes. */
export function AccountMetaFields({ form, set, errors, clouds }: FormPartProps & { clouds: readonly CloudProfileView[] }) {
  const cloudName = clouds.find((c) => c.name === form.cloud)?.displayName ?? form.cloud;
  return (
    <>
      <Field label="Cloud" hint="Which Azure the account lives in: its sign-in and service endpoints." {...problem(errors.cloud)}>
        <Dropdown value={cloudName} selectedOptions={[form.cloud]} onOptionSelect={(_, d) => d.optionValue && set({ cloud: d.optionValue })}>
          {clouds.map((c) => (
            <Option key={c.name} value={c.name}>
              {c.displayName}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="Tags" hint="Separated by commas, such as dev, team-a." {...problem(errors.tags)}>
        <Input value={form.tags} onChange={(_, d) => set({ tags: d.value })} />
      </Field>
      <Field label="Notes" {...problem(errors.notes)}>
        <Textarea value={form.notes} resize="vertical" onChange={(_, d) => set({ notes: d.value })} />
      </Field>
    </>
  );
}

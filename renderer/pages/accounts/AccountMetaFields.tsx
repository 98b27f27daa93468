import { Field, Input, Textarea } from '@fluentui/react-components';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import { CloudDropdown } from '../../components/CloudDropdown.tsx';
import { problem } from '../../components/field-problem.ts';
import type { AccountForm, FieldErrors } from './account-form.ts';

export interface FormPartProps {
  form: AccountForm;
  set(patch: Partial<AccountForm>): void;
  errors: FieldErrors;
}

/** The fields every account has after its kind's own: cloud, tags and notes. */
export function AccountMetaFields({ form, set, errors, clouds }: FormPartProps & { clouds: readonly CloudProfileView[] }) {
  return (
    <>
      <Field label="Cloud" hint="Which Azure the account lives in: its sign-in and service endpoints." {...problem(errors.cloud)}>
        <CloudDropdown clouds={clouds} value={form.cloud} onChange={(cloud) => set({ cloud })} />
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

import { Field, Input, Radio, RadioGroup } from '@fluentui/react-components';
import type { CloudProfileView } from '../../../shared/clouds.ts';
import { CloudDropdown } from '../../components/CloudDropdown.tsx';
import { problem } from '../../components/field-problem.ts';

export interface SignInForm {
  method: 'interactive' | 'device-code';
  cloud: string;
  tenant: string;
  loginHint: string;
}

export type SignInFieldErrors = Partial<Record<'method' | 'cloud' | 'tenant' | 'loginHint', string>>;

export interface SignInFieldsProps {
  form: SignInForm;
  set(patch: Partial<SignInForm>): void;
  errors: SignInFieldErrors;
  clouds: readonly CloudProfileView[];
  disabled: boolean;
}

/** How and where to sign in: the method, the cloud, and optionally a tenant and the account to suggest. */
export function SignInFields({ form, set, errors, clouds, disabled }: SignInFieldsProps) {
  const cloud = clouds.find((c) => c.name === form.cloud);
  return (
    <>
      <Field label="Method" {...problem(errors.method)}>
        <RadioGroup value={form.method} disabled={disabled} onChange={(_, d) => set({ method: d.value as SignInForm['method'] })}>
          <Radio value="interactive" label="Interactive: sign in in your browser" />
          <Radio value="device-code" label="Device code: enter a code on any device (for SSH sessions or a machine without a browser)" />
        </RadioGroup>
      </Field>
      <Field label="Cloud" hint={cloud ? `Signs in at ${cloud.authorityHost}` : null} {...problem(errors.cloud)}>
        <CloudDropdown clouds={clouds} value={form.cloud} disabled={disabled} onChange={(name) => set({ cloud: name })} />
      </Field>
      <Field
        label="Tenant"
        hint={
          'Optional. A tenant ID (GUID) or domain, such as contoso.onmicrosoft.com, picks one directory: for a guest account or a ' +
          'specific tenant.'
        }
        {...problem(errors.tenant)}
      >
        <Input
          value={form.tenant}
          disabled={disabled}
          placeholder="organizations (any work or school account)"
          onChange={(_, d) => set({ tenant: d.value })}
        />
      </Field>
      <Field
        label="Login hint"
        hint="Optional. The account the sign-in page suggests, such as adele@contoso.com."
        {...problem(errors.loginHint)}
      >
        <Input
          type="email"
          value={form.loginHint}
          disabled={disabled}
          autoComplete="username"
          onChange={(_, d) => set({ loginHint: d.value })}
        />
      </Field>
    </>
  );
}

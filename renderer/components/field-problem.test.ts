import { describe, expect, it } from 'vitest';
import { fieldIssues } from './field-problem.ts';

describe('fieldIssues', () => {
  it('shows one message under a field, the first, never two run together', () => {
    const error = {
      code: 'invalid_input' as const,
      message: 'Invalid input',
      issues: [
        { path: 'tenant', message: 'Enter a tenant ID or domain' },
        { path: 'tenant', message: 'A tenant is a GUID, a domain such as contoso.onmicrosoft.com, or "organizations"' },
        { path: 'clientId', message: 'The application (client) ID is a GUID from the app registration' },
      ],
    };
    expect(fieldIssues(error, ['tenant', 'clientId'])).toEqual({
      tenant: 'Enter a tenant ID or domain',
      clientId: 'The application (client) ID is a GUID from the app registration',
    });
  });

  it('puts issues of no known field over the form, each as a sentence, and a message without issues there too', () => {
    const error = {
      code: 'invalid_input' as const,
      message: 'Invalid input',
      issues: [
        { path: 'publicClient.tenant', message: 'Enter a tenant' },
        { path: 'other', message: 'Something else is wrong' },
        { path: '', message: 'And this.' },
      ],
    };
    expect(fieldIssues(error, ['tenant'], 'publicClient.')).toEqual({
      tenant: 'Enter a tenant',
      form: 'Something else is wrong. And this.',
    });
    expect(fieldIssues({ code: 'conflict', message: 'It exists' }, ['tenant'])).toEqual({ form: 'It exists' });
    expect(fieldIssues(undefined, ['tenant'])).toEqual({});
  });
});

import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.ts';
import { addInput, changesFrom, emptyForm, fieldErrors, formFromAccount, formProblems } from './account-form.ts';

const arrAccount: AccountView = {
  id: '6f1c0a52-6a43-4c5e-9d6b-0d2f3c4b5a69',
  kind: 'arr',
  name: 'Contoso dev',
  accountId: '0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
  accountDomain: 'westeurope.mixedreality.azure.com',
  cloud: 'AzureCloud',
  tags: ['dev'],
  notes: '',
  hasPrimaryKey: true,
  hasSecondaryKey: true,
  secretsMissing: [],
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-01T00:00:00.000Z',
};

const acsResource: AccountView = {
  ...arrAccount,
  kind: 'acs',
  name: 'Fabrikam chat',
  endpoint: 'https://fabrikam.communication.azure.com/',
  hasAccessKey: true,
} as AccountView;

describe('the account form', () => {
  it('leaves out the keys the user left empty, so an ARR account without keys is for Entra ID', () => {
    const form = { ...emptyForm('arr', 'AzureCloud'), name: 'A', accountId: 'x', accountDomain: 'westeurope', tags: ' dev, , team-a ' };
    expect(addInput(form)).toEqual({
      kind: 'arr',
      name: 'A',
      cloud: 'AzureCloud',
      tags: ['dev', 'team-a'],
      notes: '',
      accountId: 'x',
      accountDomain: 'westeurope',
    });
    expect(addInput({ ...form, primaryKey: 'a2V5', secondaryKey: ' ' })).toMatchObject({ primaryKey: 'a2V5' });
  });

  it('sends an ACS connection string or the endpoint alone, as chosen', () => {
    const form = { ...emptyForm('acs', 'AzureCloud'), name: 'B', connectionString: 'endpoint=...', endpoint: 'https://b/' };
    expect(addInput(form)).toMatchObject({ kind: 'acs', connectionString: 'endpoint=...' });
    expect(addInput(form)).not.toHaveProperty('endpoint');
    expect(addInput({ ...form, acsSource: 'endpoint' })).toMatchObject({ kind: 'acs', endpoint: 'https://b/' });
  });

  it('sends nothing for an edit that changes nothing, and only the name for a rename', () => {
    const form = formFromAccount(arrAccount);
    expect(changesFrom(arrAccount, form)).toBeUndefined();
    expect(changesFrom(arrAccount, { ...form, name: 'Contoso staging' })).toEqual({ kind: 'arr', name: 'Contoso staging' });
  });

  it('sends a key only when a new one was typed, and null to remove one', () => {
    const form = formFromAccount(arrAccount);
    expect(changesFrom(arrAccount, { ...form, primaryKey: 'bmV3' })).toEqual({ kind: 'arr', primaryKey: 'bmV3' });
    expect(changesFrom(arrAccount, { ...form, removeSecondaryKey: true })).toEqual({ kind: 'arr', secondaryKey: null });
  });

  it('removes the stored access key when an ACS resource switches to its endpoint alone', () => {
    const form = formFromAccount(acsResource);
    expect(form.acsSource).toBe('connectionString');
    expect(changesFrom(acsResource, form)).toBeUndefined();
    expect(changesFrom(acsResource, { ...form, acsSource: 'endpoint' })).toEqual({ kind: 'acs', removeAccessKey: true });
  });

  it('puts each issue under its field, a name conflict under the name, and the rest on the form', () => {
    expect(
      fieldErrors({
        code: 'invalid_input',
        message: 'Check the input',
        issues: [
          { path: 'changes.accountId', message: 'An account ID is a GUID' },
          { path: 'tags.0', message: 'A tag cannot be empty' },
          { path: '', message: 'Something about the whole' },
        ],
      }),
    ).toEqual({ accountId: 'An account ID is a GUID', tags: 'A tag cannot be empty', form: 'Something about the whole' });
    expect(fieldErrors({ code: 'conflict', message: 'An account named "A" already exists' })).toEqual({
      name: 'An account named "A" already exists',
    });
    expect(fieldErrors({ code: 'vault_unavailable', message: 'The vault is locked' })).toEqual({ form: 'The vault is locked' });
  });

  it('finds every problem of a new ACS resource at once, the connection string’s with the empty name’s', () => {
    const form = { ...emptyForm('acs', 'AzureCloud'), connectionString: 'endpoint=https://fabrikam.communication.azure.com/' };
    expect(formProblems(form, undefined)).toEqual([
      { path: 'name', message: 'Enter a name' },
      { path: 'connectionString', message: expect.stringContaining('no accesskey') },
    ]);
    expect(formProblems({ ...form, connectionString: '', tags: 'a,' + 'x'.repeat(41) }, undefined).map((p) => p.path)).toEqual([
      'name',
      'tags',
      'connectionString',
    ]);
    const key = 'ZTJlLXRlc3QtYWNzLWFjY2Vzcy1rZXktdGhpcy1pcy1ub3QtcmVhbC0wMDA=';
    expect(formProblems({ ...form, name: 'Fabrikam', connectionString: `${form.connectionString};accesskey=${key}` }, undefined)).toEqual(
      [],
    );
  });

  it('finds every problem of a new ARR account at once, and of an edit only in what changed', () => {
    const arr = { ...emptyForm('arr', 'AzureCloud'), accountId: 'not a guid', accountDomain: 'west europe', primaryKey: 'not base64!' };
    expect(formProblems(arr, undefined).map((p) => p.path)).toEqual(['name', 'accountId', 'accountDomain', 'primaryKey']);
    const edit = formFromAccount(acsResource);
    expect(formProblems(edit, acsResource)).toEqual([]);
    expect(formProblems({ ...edit, name: ' ', connectionString: 'endpoint=nope' }, acsResource).map((p) => p.path)).toEqual([
      'name',
      'connectionString',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import type { AccountView } from '../../../shared/accounts.ts';
import { countLabel, facets, filterAccounts, noFilter } from './account-filter.ts';

const base = { cloud: 'AzureCloud', notes: '', createdAt: '', updatedAt: '', secretsMissing: [] };
const accounts: AccountView[] = [
  {
    ...base,
    id: '1',
    kind: 'arr',
    name: 'Contoso dev',
    accountId: '0f6c8e4a-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    accountDomain: 'westeurope.mixedreality.azure.com',
    tags: ['dev'],
    hasPrimaryKey: true,
    hasSecondaryKey: false,
  },
  {
    ...base,
    id: '2',
    kind: 'acs',
    name: 'Fabrikam chat',
    endpoint: 'https://fabrikam.communication.azure.com/',
    tags: ['chat', 'dev'],
    hasAccessKey: true,
    notes: 'Teams interop lab',
  },
  {
    ...base,
    id: '3',
    kind: 'arr',
    name: 'Showroom',
    accountId: 'aaaaaaaa-1b2c-4d3e-8f90-a1b2c3d4e5f6',
    accountDomain: 'eastus.mixedreality.azure.com',
    tags: [],
    hasPrimaryKey: true,
    hasSecondaryKey: true,
    cloud: 'AzureUSGovernment',
  },
];
const names = (list: AccountView[]) => list.map((a) => a.name);

describe('finding accounts', () => {
  it('matches every word of the search in the name, account ID, domain, endpoint, tags or notes', () => {
    expect(names(filterAccounts(accounts, { ...noFilter, text: 'CONTOSO' }))).toEqual(['Contoso dev']);
    expect(names(filterAccounts(accounts, { ...noFilter, text: 'aaaaaaaa' }))).toEqual(['Showroom']);
    expect(names(filterAccounts(accounts, { ...noFilter, text: 'eastus' }))).toEqual(['Showroom']);
    expect(names(filterAccounts(accounts, { ...noFilter, text: 'interop' }))).toEqual(['Fabrikam chat']);
    expect(names(filterAccounts(accounts, { ...noFilter, text: 'dev westeurope' }))).toEqual(['Contoso dev']);
  });

  it('narrows by kind, tag and cloud together', () => {
    expect(names(filterAccounts(accounts, { ...noFilter, kind: 'arr' }))).toEqual(['Contoso dev', 'Showroom']);
    expect(names(filterAccounts(accounts, { ...noFilter, tag: 'dev', kind: 'acs' }))).toEqual(['Fabrikam chat']);
    expect(names(filterAccounts(accounts, { ...noFilter, cloud: 'AzureUSGovernment' }))).toEqual(['Showroom']);
  });

  it('lists the tags and clouds in use, and counts in words', () => {
    expect(facets(accounts)).toEqual({ tags: ['chat', 'dev'], clouds: ['AzureCloud', 'AzureUSGovernment'] });
    expect(countLabel(3, 1204, true)).toBe('3 of 1,204');
    expect(countLabel(1204, 1204, false)).toBe('1,204 accounts');
    expect(countLabel(1, 1, false)).toBe('1 account');
  });
});

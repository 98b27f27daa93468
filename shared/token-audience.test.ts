import { describe, expect, it } from 'vitest';
import { audienceMismatch, describeAudience, intendedService, scopeResource, tokenService } from './token-audience.ts';

describe('token audiences', () => {
  it('names the services Azure tokens are for, in every cloud', () => {
    expect(describeAudience('https://management.azure.com/').service).toBe('arm');
    expect(describeAudience('https://management.core.windows.net/').service).toBe('arm');
    expect(describeAudience('https://management.chinacloudapi.cn').service).toBe('arm');
    expect(describeAudience('https://sts.westeurope.mixedreality.azure.com')).toMatchObject({
      service: 'mixed-reality-sts',
      detail: 'westeurope.mixedreality.azure.com',
    });
    expect(describeAudience('https://sts.mixedreality.azure.com').service).toBe('mixed-reality-sts');
    expect(describeAudience('https://remoterendering.eastus.mixedreality.azure.com/')).toMatchObject({
      service: 'remote-rendering',
      detail: 'eastus',
    });
    expect(describeAudience('https://communication.azure.com/').service).toBe('communication');
    expect(describeAudience('https://graph.microsoft.com').service).toBe('graph');
    expect(describeAudience('00000003-0000-0000-c000-000000000000').service).toBe('graph');
    expect(describeAudience('api://my-api')).toMatchObject({ service: 'unknown', meaning: expect.stringContaining('api://my-api') });
    expect(describeAudience(null)).toMatchObject({ service: 'unknown', name: 'No audience' });
  });

  it('does not take a look-alike host for an Azure service', () => {
    expect(describeAudience('https://management.azure.com.evil.example/').service).toBe('unknown');
    expect(describeAudience('https://sts.mixedreality.azure.com.example').service).toBe('unknown');
  });

  it('reads the resource a scope asks for', () => {
    expect(scopeResource('https://management.azure.com/.default')).toBe('https://management.azure.com/');
    expect(scopeResource('https://communication.azure.com//.default')).toBe('https://communication.azure.com/');
    expect(scopeResource('https://graph.microsoft.com/User.Read')).toBe('https://graph.microsoft.com/');
    expect(intendedService({ kind: 'entra', scopes: ['https://sts.westeurope.mixedreality.azure.com/.default'] })).toBe(
      'mixed-reality-sts',
    );
    expect(intendedService({ kind: 'arr-sts', scopes: [] })).toBe('remote-rendering');
  });

  it('warns when an Entra token for ARM is used as the source of an ARR token', () => {
    const armToken = { kind: 'entra' as const, audience: 'https://management.azure.com/' };
    expect(audienceMismatch(armToken, 'arm')).toBeNull();
    expect(audienceMismatch(armToken, 'mixed-reality-sts')).toMatch(
      /This is a token for Azure Resource Manager \(ARM\), but Mixed Reality STS accepts only an Entra token whose audience is https:\/\/sts\./,
    );
  });

  it('takes an STS token for the session API and an ACS user token for Calling and Chat by their kind', () => {
    expect(tokenService({ kind: 'arr-sts', audience: null }).service).toBe('remote-rendering');
    expect(tokenService({ kind: 'acs-user', audience: null }).service).toBe('acs-user');
    expect(audienceMismatch({ kind: 'acs-user', audience: null }, 'communication')).toMatch(
      /^This is an ACS user token, but Communication Services accepts only/,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { builtInClouds, cloudProfileSchema, fillMixedRealityPattern, mixedRealityRegionOf } from './clouds.ts';

describe('cloud profiles', () => {
  it('every built-in cloud is a valid profile', () => {
    for (const cloud of builtInClouds) expect(cloudProfileSchema.parse(cloud)).toEqual(cloud);
  });

  it('refuses plain-http endpoints and unknown placeholders', () => {
    const base = builtInClouds[0]!;
    expect(cloudProfileSchema.safeParse({ ...base, armEndpoint: 'http://management.azure.com' }).success).toBe(false);
    expect(
      cloudProfileSchema.safeParse({ ...base, mixedReality: { ...base.mixedReality, stsEndpoint: 'https://sts.{account}' } }).success,
    ).toBe(false);
  });

  it('fills the STS and ARR patterns for an account domain', () => {
    const { mixedReality } = builtInClouds[0]!;
    expect(fillMixedRealityPattern(mixedReality.stsEndpoint, 'westeurope.mixedreality.azure.com')).toBe(
      'https://sts.westeurope.mixedreality.azure.com',
    );
    expect(fillMixedRealityPattern(mixedReality.arrEndpoint, 'westeurope.mixedreality.azure.com')).toBe(
      'https://remoterendering.westeurope.mixedreality.azure.com',
    );
  });

  it('reads the region from a regional account domain, and none from the global one', () => {
    expect(mixedRealityRegionOf('westeurope.mixedreality.azure.com')).toBe('westeurope');
    expect(mixedRealityRegionOf('EastUS2.MixedReality.Azure.com')).toBe('eastus2');
    expect(mixedRealityRegionOf('mixedreality.azure.com')).toBeUndefined();
    expect(mixedRealityRegionOf('mixedreality.azure.cn')).toBeUndefined();
  });

  it('sends a global-domain account to the STS of its domain and to the rendering region chosen', () => {
    const { mixedReality } = builtInClouds[0]!;
    expect(fillMixedRealityPattern(mixedReality.stsEndpoint, 'mixedreality.azure.com')).toBe('https://sts.mixedreality.azure.com');
    expect(fillMixedRealityPattern(mixedReality.arrEndpoint, 'mixedreality.azure.com', 'eastus')).toBe(
      'https://remoterendering.eastus.mixedreality.azure.com',
    );
    expect(fillMixedRealityPattern(mixedReality.arrEndpoint, 'westeurope.mixedreality.azure.com', 'uksouth')).toBe(
      'https://remoterendering.uksouth.mixedreality.azure.com',
    );
  });

  it('refuses to guess a region for a global-domain account, naming the field', () => {
    const { mixedReality } = builtInClouds[0]!;
    expect(() => fillMixedRealityPattern(mixedReality.arrEndpoint, 'mixedreality.azure.com')).toThrow(
      expect.objectContaining({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'region' })] }),
    );
    // A pattern without {region} (the emulator's one host) needs none.
    expect(fillMixedRealityPattern('https://127.0.0.1:4000', 'mixedreality.azure.com')).toBe('https://127.0.0.1:4000');
  });
});

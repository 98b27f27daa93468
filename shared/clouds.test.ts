import { describe, expect, it } from 'vitest';
import { builtInClouds, cloudProfileSchema, fillMixedRealityPattern } from './clouds.ts';

describe('cloud profiles', () => {
  it('every built-in cloud is a valid profile', () => {
    for (const cloud of builtInClouds) expect(cloudProfileSchema.parse(cloud)).toEqual(cloud);
  });

  it('refuses plain-http endpoints and unknown placeholders', () => {
    const base = builtInClouds[0]!;
    expect(cloudProfileSchema.safeParse({ ...base, armEndpoint: 'http://management.azure.com' }).success).toBe(false);
    expect(cloudProfileSchema.safeParse({ ...base, mixedReality: { ...base.mixedReality, stsEndpoint: 'https://sts.{account}' } }).success).toBe(false);
  });

  it('fills the STS and ARR patterns for an account domain', () => {
    const { mixedReality } = builtInClouds[0]!;
    expect(fillMixedRealityPattern(mixedReality.stsEndpoint, 'westeurope.mixedreality.azure.com')).toBe('https://sts.westeurope.mixedreality.azure.com');
    expect(fillMixedRealityPattern(mixedReality.arrEndpoint, 'westeurope.mixedreality.azure.com')).toBe('https://remoterendering.westeurope.mixedreality.azure.com');
  });
});

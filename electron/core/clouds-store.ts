import { getCACertificates, setDefaultCACertificates } from 'node:tls';
import Conf from 'conf';
import { z } from 'zod';
import { builtInClouds, cloudProfileSchema, type CloudProfile, type CloudProfileView } from '../../shared/clouds.ts';
import { AppError } from '../../shared/errors.ts';
import { toFieldIssues } from '../../shared/validation.ts';
import { whileUnchanged } from './file-version.ts';

/**
 * Cloud profiles: the three built-in Azure clouds plus the user's own (Azure Stack, the emulator),
 * kept in `clouds.json` in the data folder (no secrets). The public client of every profile,
 * built-in ones included, can be replaced by the user's own app registration.
 */

const publicClientSchema = cloudProfileSchema.shape.publicClient;
const storedSchema = z.object({
  custom: z.array(z.unknown()).default([]),
  clients: z.record(z.string(), z.unknown()).default({}),
});
type Stored = z.infer<typeof storedSchema>;

export class CloudsStore {
  readonly #conf: Conf<Stored>;
  /** The profiles, read and checked again only when the file changed: every token call looks its cloud up. Shared: hand out copies. */
  readonly #profiles: () => CloudProfileView[];

  constructor(dataFolder: string) {
    // No defaults: conf would write them at once, and the file should appear only when a profile is saved.
    this.#conf = new Conf<Stored>({ cwd: dataFolder, configName: 'clouds', configFileMode: 0o600 });
    this.#profiles = whileUnchanged(this.#conf.path, () => this.#read());
    trustCloudCertificates(this.list());
  }

  /** Every profile, built in first. */
  list(): CloudProfileView[] {
    return structuredClone(this.#profiles());
  }

  #read(): CloudProfileView[] {
    const stored = this.#stored();
    const clientFor = (profile: CloudProfile): CloudProfile['publicClient'] => {
      const override = publicClientSchema.safeParse(stored.clients[profile.name]);
      return override.success ? override.data : profile.publicClient;
    };
    // A hand-edited file may hold a bad profile: skip it rather than lose the others.
    const custom = stored.custom.flatMap((raw) => {
      const parsed = cloudProfileSchema.safeParse(raw);
      return parsed.success && !builtInClouds.some((b) => b.name === parsed.data.name) ? [parsed.data] : [];
    });
    return [...builtInClouds.map((c) => ({ ...c, builtIn: true })), ...custom.map((c) => ({ ...c, builtIn: false }))].map((c) => ({ ...c, publicClient: clientFor(c) }));
  }

  /** The profile named `name`, or a not_found that says where profiles are added. */
  get(name: string): CloudProfileView {
    const found = this.#profiles().find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new AppError('not_found', `There is no cloud profile named "${name.slice(0, 64)}". Pick one from Settings → Clouds, or import a profile file.`);
    return structuredClone(found);
  }

  /** Adds or replaces a custom profile (from the emulator's cloud-profile.json, say). */
  save(input: unknown): CloudProfileView {
    const parsed = cloudProfileSchema.safeParse(input);
    if (!parsed.success) throw new AppError('invalid_input', 'The cloud profile is not valid: fix the fields listed.', toFieldIssues(parsed.error));
    const profile = parsed.data;
    if (builtInClouds.some((b) => b.name.toLowerCase() === profile.name.toLowerCase())) {
      throw new AppError('conflict', `${profile.name} is a built-in cloud: give the custom profile another name.`, [{ path: 'name', message: 'This name belongs to a built-in cloud' }]);
    }
    const stored = this.#stored();
    const custom = stored.custom.filter((c) => (c as { name?: unknown }).name !== profile.name);
    this.#conf.set('custom', [...custom, profile]);
    // A re-imported profile brings its own client; an earlier override would hide it.
    this.#conf.set('clients', Object.fromEntries(Object.entries(stored.clients).filter(([name]) => name !== profile.name)));
    trustCloudCertificates(this.list());
    return this.get(profile.name);
  }

  remove(name: string): void {
    const profile = this.get(name);
    if (profile.builtIn) throw new AppError('invalid_input', `${profile.name} is built in and cannot be removed.`);
    const stored = this.#stored();
    this.#conf.set('custom', stored.custom.filter((c) => (c as { name?: unknown }).name !== profile.name));
    this.#conf.set('clients', Object.fromEntries(Object.entries(stored.clients).filter(([n]) => n !== profile.name)));
    trustCloudCertificates(this.list());
  }

  /** Uses the user's own app registration (client ID and tenant) for sign-ins in one cloud. */
  setPublicClient(name: string, client: unknown): CloudProfileView {
    const profile = this.get(name);
    const parsed = publicClientSchema.safeParse(client);
    if (!parsed.success) throw new AppError('invalid_input', 'Check the client ID and tenant.', toFieldIssues(parsed.error));
    this.#conf.set('clients', { ...this.#stored().clients, [profile.name]: parsed.data });
    return this.get(profile.name);
  }

  #stored(): Stored {
    const parsed = storedSchema.safeParse(this.#conf.store);
    return parsed.success ? parsed.data : { custom: [], clients: {} };
  }
}

// What Node trusted before any profile added to it (bundled roots plus NODE_EXTRA_CA_CERTS).
let baseCertificates: string[] | undefined;

/**
 * Adds the extra CAs of custom profiles to what this process's TLS clients (https, fetch, MSAL)
 * trust. The set is rebuilt from the base each time, so a removed profile's CA stops counting.
 */
export function trustCloudCertificates(profiles: readonly CloudProfile[]): void {
  const extra = profiles.flatMap((p) => (p.trustedCaPem ? splitPem(p.trustedCaPem) : []));
  // Nothing added before and nothing to add: leave Node's set alone (reading it costs ~10 ms at start-up).
  if (extra.length === 0 && baseCertificates === undefined) return;
  baseCertificates ??= getCACertificates('default');
  setDefaultCACertificates([...new Set([...baseCertificates, ...extra])]);
}

function splitPem(pem: string): string[] {
  return pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

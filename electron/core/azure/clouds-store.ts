import path from 'node:path';
import { z } from 'zod';
import { builtInClouds, cloudProfileSchema, type CloudProfile, type CloudProfileView } from '../../../shared/clouds.ts';
import { AppError } from '../../../shared/errors.ts';
import { toFieldIssues } from '../../../shared/validation.ts';
import { installCloudTrust } from './cloud-trust.ts';
import { whileUnchanged } from '../platform/file-version.ts';
import { readJsonObject, writeJsonFile } from '../platform/json-file.ts';
import { withMetadataLock } from '../platform/lock/metadata-lock.ts';
import { cloudsFileName } from '../platform/data-folder-layout.ts';

/**
 * Cloud profiles: the three built-in Azure clouds plus the user's own (Azure Stack, the emulator),
 * kept in `clouds.json` in the data folder (no secrets, mode 0600). The public client of every
 * profile, built-in ones included, can be replaced by the user's own app registration. A change is
 * a read-modify-write of the named profile only, under the data folder's metadata lock, so imports
 * and removals from several processes at once lose nothing and bring nothing back.
 */

const publicClientSchema = cloudProfileSchema.shape.publicClient;
const storedSchema = z.object({
  custom: z.array(z.unknown()).default([]),
  clients: z.record(z.string(), z.unknown()).default({}),
});
type Stored = z.infer<typeof storedSchema>;

const named = (name: string) => (entry: unknown) => (entry as { name?: unknown }).name === name;

export class CloudsStore {
  readonly #dataFolder: string;
  readonly #file: string;
  /** The profiles, read and checked again only when the file changed: every token call looks its cloud up. Shared: hand out copies. */
  readonly #profiles: () => CloudProfileView[];

  constructor(dataFolder: string) {
    this.#dataFolder = dataFolder;
    this.#file = path.join(dataFolder, cloudsFileName);
    this.#profiles = whileUnchanged(this.#file, () => this.#read());
  }

  /** Every profile, built in first. */
  list(): CloudProfileView[] {
    return structuredClone(this.#profiles());
  }

  #read(): CloudProfileView[] {
    const parsed = storedSchema.safeParse(readJsonObject(this.#file, damaged) ?? {});
    const stored = parsed.success ? parsed.data : { custom: [], clients: {} };
    const clientFor = (profile: CloudProfile): CloudProfile['publicClient'] => {
      const override = publicClientSchema.safeParse(stored.clients[profile.name]);
      return override.success ? override.data : profile.publicClient;
    };
    // A hand-edited file may hold a bad profile: skip it rather than lose the others.
    const custom = stored.custom.flatMap((raw) => {
      const profile = cloudProfileSchema.safeParse(raw);
      return profile.success && !builtInClouds.some((b) => b.name === profile.data.name) ? [profile.data] : [];
    });
    const profiles = [...builtInClouds.map((c) => ({ ...c, builtIn: true })), ...custom.map((c) => ({ ...c, builtIn: false }))].map(
      (c) => ({ ...c, publicClient: clientFor(c) }),
    );
    // Whatever the file says now is what is trusted: a profile removed by another process takes its CA with it.
    installCloudTrust(this.#dataFolder, profiles);
    return profiles;
  }

  /** The profile named `name`, or a not_found that says where profiles are added. */
  get(name: string): CloudProfileView {
    const found = this.#profiles().find((c) => c.name.toLowerCase() === name.toLowerCase());
    if (!found) throw notFound(name);
    return structuredClone(found);
  }

  /** Adds or replaces a custom profile (from the emulator's cloud-profile.json, say). */
  async save(input: unknown): Promise<CloudProfileView> {
    const parsed = cloudProfileSchema.safeParse(input);
    if (!parsed.success)
      throw new AppError('invalid_input', 'The cloud profile is not valid: fix the fields listed.', toFieldIssues(parsed.error));
    const profile = parsed.data;
    if (builtInClouds.some((b) => b.name.toLowerCase() === profile.name.toLowerCase())) {
      throw new AppError('conflict', `${profile.name} is a built-in cloud: give the custom profile another name.`, [
        { path: 'name', message: 'This name belongs to a built-in cloud' },
      ]);
    }
    // A re-imported profile brings its own client; an earlier override would hide it.
    await this.#change((stored) => ({
      custom: [...stored.custom.filter((c) => !named(profile.name)(c)), profile],
      clients: without(stored.clients, profile.name),
    }));
    return this.get(profile.name);
  }

  async remove(name: string): Promise<void> {
    const profile = this.get(name);
    if (profile.builtIn) throw new AppError('invalid_input', `${profile.name} is built in and cannot be removed.`);
    await this.#change((stored) => {
      if (!stored.custom.some(named(profile.name))) throw notFound(name);
      return { custom: stored.custom.filter((c) => !named(profile.name)(c)), clients: without(stored.clients, profile.name) };
    });
  }

  /** Uses the user's own app registration (client ID and tenant) for sign-ins in one cloud. */
  async setPublicClient(name: string, client: unknown): Promise<CloudProfileView> {
    const profile = this.get(name);
    const parsed = publicClientSchema.safeParse(client);
    if (!parsed.success) throw new AppError('invalid_input', 'Check the client ID and tenant.', toFieldIssues(parsed.error));
    await this.#change((stored) => {
      if (!profile.builtIn && !stored.custom.some(named(profile.name))) throw notFound(name);
      return { clients: { ...stored.clients, [profile.name]: parsed.data } };
    });
    return this.get(profile.name);
  }

  /**
   * Re-reads the file under the metadata lock and writes back what `edit` changed, every other key
   * as read. A file that is not JSON, or not the shape written here, is refused rather than replaced.
   */
  async #change(edit: (stored: Stored) => Partial<Stored>): Promise<void> {
    await withMetadataLock(this.#dataFolder, async () => {
      const raw = readJsonObject(this.#file, damaged) ?? {};
      const stored = storedSchema.safeParse(raw);
      if (!stored.success) throw damaged();
      await writeJsonFile(this.#file, { ...raw, ...stored.data, ...edit(stored.data) }, { backup: false });
    });
    // Read at once, so this process trusts exactly the saved profiles' CAs from now on.
    this.#profiles();
  }
}

function without(clients: Stored['clients'], name: string): Stored['clients'] {
  return Object.fromEntries(Object.entries(clients).filter(([n]) => n !== name));
}

function notFound(name: string): AppError {
  return new AppError(
    'not_found',
    `There is no cloud profile named "${name.slice(0, 64)}". Pick one from Settings → Clouds, or import a profile file.`,
  );
}

function damaged(): AppError {
  return new AppError(
    'internal',
    `The cloud profiles file ${cloudsFileName} in the data folder is damaged, so it was left as it is. Fix it, or move it aside ` +
      `to keep only the built-in clouds.`,
  );
}

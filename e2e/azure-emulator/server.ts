import { createServer } from 'node:https';
import type { Server } from 'node:https';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudProfile } from '../../shared/clouds.ts';
import { handleAcs } from './acs.ts';
import { handleArm } from './arm.ts';
import { handleGraph } from './graph.ts';
import { handleArr } from './arr-sessions.ts';
import { caFileName, createClientCertificate, createServerCertificate, loadOrCreateCertificateAuthority } from './certificates.ts';
import type { ClientCertificate } from './certificates.ts';
import { emulatorCloudProfile } from './cloud-profile.ts';
import type { EmulatorContext, EmulatorUrls } from './emulator-context.ts';
import { handleEntra } from './entra.ts';
import type { ServiceName } from './fault-rule.ts';
import { applyFault, FaultController } from './faults.ts';
import { readExchange, sendJson } from './http-exchange.ts';
import type { Exchange } from './http-exchange.ts';
import { handleSts } from './mixed-reality-sts.ts';
import { defaultScenarioPath, loadScenarioFile, parseScenario } from './scenario.ts';
import type { Scenario, ScenarioInput } from './scenario.ts';
import { createSigningKey } from './signing-key.ts';

/** Starts every service on its own HTTPS listener on 127.0.0.1, in-process (tests) or from the CLI. */

export interface StartEmulatorOptions {
  /** A scenario object (validated here) or a path to a scenario JSON file; the shipped default when absent. */
  scenario?: ScenarioInput | string;
  /** Where the CA lives (reused if valid): `AZCRED_EMULATOR_CA_DIR`, else `stateDir`, else `.emulator/` in the repo. */
  caFolder?: string;
  /** When set, `ca.pem`, `cloud-profile.json`, a README and generated service-principal certificates are written here. */
  stateDir?: string;
  /** First port; services take consecutive ports from it. 0 (the default) picks free ports. */
  portBase?: number;
}

export interface RunningEmulator {
  urls: EmulatorUrls;
  /** `host:port` of the Entra authority, for MSAL's `knownAuthorities`. */
  authorityHost: string;
  caPem: string;
  caFolder: string;
  caFile: string;
  /** base64 SHA-256 of the server key's SPKI, for Chromium's `--ignore-certificate-errors-spki-list`. */
  serverSpkiSha256: string;
  cloudProfile: CloudProfile;
  /** The live, mutable scenario (tests may flip a user's flags or read keys after regeneration). */
  scenario: Scenario;
  faults: FaultController;
  context: EmulatorContext;
  /** Certificates the emulator generated for service principals (`"certificate": "generate"`), by appId. */
  clientCertificates: Record<string, ClientCertificate>;
  /** `endpoint=https://127.0.0.1:PORT/;accesskey=...` for an ACS resource. */
  acsConnectionString(resourceName: string, key?: 'primary' | 'secondary'): string;
  close(): Promise<void>;
}

export const repoEmulatorFolder = new URL('../../.emulator', import.meta.url).pathname;

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const scenario = loadScenario(options.scenario);
  const caFolder = options.caFolder ?? process.env['AZCRED_EMULATOR_CA_DIR'] ?? options.stateDir ?? repoEmulatorFolder;
  const ca = await loadOrCreateCertificateAuthority(caFolder);
  const tls = await createServerCertificate(ca);

  const clientCertificates: Record<string, ClientCertificate> = {};
  const registered = new Map<string, string>();
  for (const sp of scenario.servicePrincipals) {
    if (sp.certificate === 'generate') {
      const generated = await createClientCertificate(sp.displayName);
      clientCertificates[sp.appId] = generated;
      registered.set(sp.id, generated.certPem);
    } else if (sp.certificate !== undefined) registered.set(sp.id, sp.certificate);
  }

  const urls: EmulatorUrls = { entra: '', sts: '', arr: '', arm: '', graph: '', acs: {} };
  const context: EmulatorContext = {
    scenario,
    urls,
    keys: { entra: createSigningKey(), sts: createSigningKey(), acs: createSigningKey() },
    faults: new FaultController(scenario.faults),
    clientCertificates: registered,
    entra: {
      codes: new Map(),
      refreshTokens: new Map(),
      devices: new Map(),
      pendingSignIns: new Map(),
      sessions: new Map(),
      consents: new Set(),
    },
    acs: { identities: new Map() },
    arr: { sessions: new Map() },
    grantCounts: new Map(),
  };

  const servers: Server[] = [];
  let nextPort = options.portBase ?? 0;
  const listen = async (service: ServiceName, handler: (exchange: Exchange) => void): Promise<string> => {
    const server = createServer({ key: tls.keyPem, cert: tls.certPem }, (req, res) => {
      void serve(context, service, handler, req, res);
    });
    servers.push(server);
    const port = nextPort === 0 ? 0 : nextPort++;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = server.address();
    return `https://127.0.0.1:${typeof address === 'object' && address ? address.port : port}`;
  };

  try {
    urls.entra = await listen('entra', (ex) => handleEntra(context, ex));
    urls.sts = await listen('sts', (ex) => handleSts(context, ex));
    urls.arr = await listen('arr', (ex) => handleArr(context, ex));
    urls.arm = await listen('arm', (ex) => handleArm(context, ex));
    urls.graph = await listen('graph', (ex) => handleGraph(context, ex));
    for (const resource of scenario.communicationServices) {
      urls.acs[resource.name] = await listen('acs', (ex) => handleAcs(context, resource.name, ex));
    }
  } catch (error) {
    await Promise.all(servers.map(closeServer));
    throw error;
  }

  const cloudProfile = emulatorCloudProfile(urls, scenario, ca.certPem);
  if (options.stateDir) writeStateFolder(options.stateDir, ca.certPem, cloudProfile, clientCertificates);

  return {
    urls,
    authorityHost: new URL(urls.entra).host,
    caPem: ca.certPem,
    caFolder,
    caFile: join(caFolder, caFileName),
    serverSpkiSha256: tls.spkiSha256,
    cloudProfile,
    scenario,
    faults: context.faults,
    context,
    clientCertificates,
    acsConnectionString(resourceName, key = 'primary') {
      const resource = scenario.communicationServices.find((r) => r.name === resourceName);
      if (!resource) throw new Error(`No ACS resource '${resourceName}' in the scenario`);
      return `endpoint=${urls.acs[resourceName] ?? ''}/;accesskey=${key === 'primary' ? resource.primaryKey : resource.secondaryKey}`;
    },
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}

function loadScenario(input: ScenarioInput | string | undefined): Scenario {
  if (input === undefined) return loadScenarioFile(defaultScenarioPath);
  if (typeof input === 'string') return loadScenarioFile(input);
  // A deep copy, so the emulator's changes (regenerated keys) never reach the caller's object.
  return parseScenario(structuredClone(input));
}

async function serve(
  context: EmulatorContext,
  service: ServiceName,
  handler: (exchange: Exchange) => void,
  req: Parameters<typeof readExchange>[0],
  res: Parameters<typeof readExchange>[1],
): Promise<void> {
  try {
    const exchange = await readExchange(req, res);
    const fault = context.faults.take(service, exchange);
    if (fault && (await applyFault(service, fault, exchange))) return;
    handler(exchange);
  } catch (error) {
    if (!res.headersSent)
      sendJson(res, 500, { error: { code: 'InternalServerError', message: `Emulator bug: ${(error as Error).message}` } });
    else res.destroy();
  }
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

function writeStateFolder(folder: string, caPem: string, profile: CloudProfile, certificates: Record<string, ClientCertificate>): void {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, caFileName), `${caPem.trim()}\n`);
  writeFileSync(join(folder, 'cloud-profile.json'), `${JSON.stringify(profile, null, 2)}\n`);
  for (const [appId, cert] of Object.entries(certificates)) {
    writeFileSync(join(folder, `service-principal-${appId}.pem`), `${cert.privateKeyPem.trim()}\n${cert.certPem.trim()}\n`, {
      mode: 0o600,
    });
  }
  writeFileSync(
    join(folder, 'README.txt'),
    [
      'Files written by the Azure emulator (npm run emulator). Test data only: nothing here is a real secret.',
      '',
      'ca.pem              The emulator CA. Trust it for Node tools with NODE_EXTRA_CA_CERTS=<this folder>/ca.pem.',
      'cloud-profile.json  A custom cloud profile: import it in the app (Settings > Clouds) or with the azcred CLI;',
      '                    it carries the CA as trustedCaPem. Its URLs change when the emulator restarts on free ports;',
      '                    use --port-base N for stable ones.',
      'service-principal-<appId>.pem  Private key and certificate generated for certificate-based service principals.',
      '',
    ].join('\n'),
  );
}

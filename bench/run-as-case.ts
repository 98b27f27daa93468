import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningEmulator } from '../e2e/azure-emulator/server.ts';
import { contosoTenantId, secretServicePrincipal } from '../e2e/azure-emulator/test/emulator-fixtures.ts';
import { root } from '../scripts/app-launch.ts';
import { contractCall } from '../scripts/contract-call.ts';
import { benchCore, newDataFolder } from './fixtures.ts';
import { type CaseResult } from './report.ts';
import { summarize } from './stats.ts';

const bin = fileURLToPath(new URL('../bin/azcred.js', import.meta.url));
const identityName = 'bench pipeline';
const hotCalls = 30;

/**
 * The program `azcred run --identity` starts: a loopback HTTP server of its own for the floor (a
 * bare GET, first on a new connection, then hot on a kept-alive one), then the official
 * DefaultAzureCredential's first getToken for ARM (the chain built, MSAL asking azcred's endpoint) and
 * its hot calls, then hot requests straight to the endpoint (a token served each time, as a second
 * resource or another credential would cost). One JSON line of milliseconds.
 */
const childProgram = `
import { createServer, Agent } from 'node:http';
import { DefaultAzureCredential } from '@azure/identity';
// No fallback to the instance metadata service off this machine: the caller points it at loopback, or nothing runs.
if (!URL.canParse(process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST ?? '') || new URL(process.env.AZURE_POD_IDENTITY_AUTHORITY_HOST).hostname !== '127.0.0.1') process.exit(64);
const server = createServer((_q, s) => s.end('{}'));
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const agent = new Agent({ keepAlive: true });
const http = await import('node:http');
const get = (url, headers = {}) => new Promise((resolve, reject) => {
  http.get(url, { agent, headers }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); }).on('error', reject);
});
const time = async (work) => { const t = performance.now(); await work(); return performance.now() - t; };
const floorUrl = 'http://127.0.0.1:' + server.address().port + '/';
const floorFirst = await time(() => get(floorUrl));
const floorHot = [];
for (let i = 0; i < ${hotCalls}; i++) floorHot.push(await time(() => get(floorUrl)));
const credential = new DefaultAzureCredential();
const first = await time(() => credential.getToken('https://management.azure.com/.default'));
const hot = [];
for (let i = 0; i < ${hotCalls}; i++) hot.push(await time(() => credential.getToken('https://management.azure.com/.default')));
const endpoint = process.env.IDENTITY_ENDPOINT + '?api-version=2019-08-01&resource=https://management.azure.com';
const served = [];
for (let i = 0; i < ${hotCalls}; i++) {
  const took = await time(async () => { if ((await get(endpoint, { 'X-IDENTITY-HEADER': process.env.IDENTITY_HEADER })) !== 200) throw new Error('endpoint refused'); });
  served.push(took);
}
server.close();
agent.destroy();
process.stdout.write(JSON.stringify({ floorFirst, floorHot, first, hot, served }) + '\\n');
`;

interface ChildFigures {
  floorFirst: number;
  floorHot: number[];
  first: number;
  hot: number[];
  served: number[];
}

/** One `azcred run --identity` with the measuring program; its figures. */
function measureOnce(env: NodeJS.ProcessEnv): Promise<ChildFigures> {
  return new Promise((resolve, reject) => {
    const args = [bin, 'run', '--identity', identityName, '--', process.execPath, '--input-type=module', '-e', childProgram];
    const child = spawn(process.execPath, args, { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`azcred run --identity exited with ${code}: ${stderr.trim().slice(0, 300)}`));
      try {
        resolve(JSON.parse(stdout.trim().split('\n').at(-1) ?? '') as ChildFigures);
      } catch {
        reject(new Error(`the measuring program printed no figures: ${stderr.trim().slice(0, 300)}`));
      }
    });
  });
}

/**
 * A token served by `azcred run --identity` to the official DefaultAzureCredential in the program,
 * against a bare HTTP GET to a loopback server in the same program: the first call (goal under 100
 * ms), hot calls (goal within 2× of the hot GET), and a token served on every request straight from
 * the endpoint (the cost when the SDK's own cache misses). AzureCliCredential only where `az` exists.
 */
export async function measureRunAs(emulator: RunningEmulator, runs: number): Promise<CaseResult[]> {
  const home = await newDataFolder('run-as');
  const core = benchCore(home);
  try {
    const call = contractCall(core);
    await call('clouds.import', { text: JSON.stringify(emulator.cloudProfile) });
    await call('identities.addServicePrincipal', {
      cloud: 'AzureEmulator',
      tenant: contosoTenantId,
      clientId: secretServicePrincipal.appId,
      clientSecret: secretServicePrincipal.secret,
      name: identityName,
    });
  } finally {
    await core.close();
  }
  const imds = 'http://127.0.0.1:9'; // closed: no managed-identity credential may look for IMDS off this machine
  const env = { ...process.env, AZCRED_HOME: home, AZCRED_NO_BROWSER: '1', AZURE_POD_IDENTITY_AUTHORITY_HOST: imds };
  try {
    const figures: ChildFigures[] = [];
    for (let i = 0; i < 2 + Math.min(runs, 12); i++) figures.push(await measureOnce(env));
    const kept = figures.slice(2);
    const all = (pick: (f: ChildFigures) => number[]) => kept.flatMap(pick);
    const floor = { label: 'bare GET to a loopback server in the same program, kept-alive', summary: summarize(all((f) => f.floorHot)) };
    return [
      {
        id: 'run-as-first-call',
        title: '`azcred run --identity`: DefaultAzureCredential, first getToken in a new program',
        unit: 'ms',
        subject: summarize(kept.map((f) => f.first)),
        baseline: { label: 'first bare GET to a loopback server in the same program', summary: summarize(kept.map((f) => f.floorFirst)) },
        target: { kind: 'below', max: 100 },
        note: `One sample per program started under azcred run (${kept.length} programs); DefaultAzureCredential first tries the credentials before ManagedIdentityCredential.`,
      },
      {
        id: 'run-as-hot-call',
        title: '`azcred run --identity`: DefaultAzureCredential, hot getToken',
        unit: 'ms',
        subject: summarize(all((f) => f.hot)),
        baseline: floor,
        target: { kind: 'ratio', max: 2 },
        note: "Hot calls are answered by MSAL's cache in the program, as on App Service.",
      },
      {
        id: 'run-as-served-each-time',
        title: '`azcred run --identity`: a token served by the endpoint on every request',
        unit: 'ms',
        subject: summarize(all((f) => f.served)),
        baseline: floor,
        target: { kind: 'reported' },
        note: "Each request reads azcred's token cache and appends to the access log.",
      },
      await againstAzureCli(
        env,
        runs,
        kept.map((f) => f.first),
      ),
    ];
  } finally {
    await rm(home, { recursive: true, force: true });
  }
}

/** AzureCliCredential's first getToken in a program of its own (it runs `az account get-access-token`), only where `az` is installed. */
async function againstAzureCli(env: NodeJS.ProcessEnv, runs: number, subject: number[]): Promise<CaseResult> {
  const base = {
    id: 'run-as-vs-azure-cli-credential',
    title: '`azcred run --identity` first call against AzureCliCredential',
    unit: 'ms' as const,
    target: { kind: 'reported' as const },
  };
  const notMeasured = (why: string): CaseResult => ({
    ...base,
    subject: summarize([0]),
    baseline: { label: 'AzureCliCredential, first getToken', summary: summarize([0]) },
    notMeasured: why,
  });
  if (!(process.env['PATH'] ?? '').split(path.delimiter).some((folder) => existsSync(path.join(folder, 'az'))))
    return notMeasured('az not installed');
  const program =
    "import { AzureCliCredential } from '@azure/identity'; const t = performance.now();" +
    "await new AzureCliCredential().getToken('https://management.azure.com/.default');" +
    'process.stdout.write(String(performance.now() - t));';
  const samples: number[] = [];
  try {
    for (let i = 0; i < Math.min(runs, 8); i++) samples.push(await timedProgram(program, env));
  } catch (error) {
    return notMeasured(`AzureCliCredential failed (${String(error).slice(0, 120)})`);
  }
  return {
    ...base,
    subject: summarize(subject),
    baseline: { label: 'AzureCliCredential, first getToken', summary: summarize(samples) },
    note: "az's own signed-in account and cache, not the bench's.",
  };
}

/** A module program's printed milliseconds. */
function timedProgram(program: string, env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', program], { env, cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Number(stdout)) : reject(new Error(`exited with ${code}`))));
  });
}

/**
 * `node vault-agent.cjs DATA_FOLDER`: the vault agent's own process (vault-agent.ts), started
 * detached by `azcred` (vault-agent-client.ts's startVaultAgent). It leaves by itself; nothing it
 * does is printed (its standard streams are closed).
 */
import { serveVaultAgent } from './vault-agent.ts';

/** How long the agent waits for the next request before it leaves: 15 minutes, or AZCRED_AGENT_IDLE_SECONDS. */
const idleSeconds = Number(process.env['AZCRED_AGENT_IDLE_SECONDS'] ?? '') || 15 * 60;

const dataFolder = process.argv[2];
if (!dataFolder) process.exit(2);
void serveVaultAgent(dataFolder, { idleMs: idleSeconds * 1000 }).then(
  async (agent) => {
    if (!agent) process.exit(0);
    await agent.closed;
    process.exit(0);
  },
  () => process.exit(1),
);

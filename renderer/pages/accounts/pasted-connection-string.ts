import { parseAcsConnectionString } from '../../../shared/acs-connection-string.ts';

/** Where an ACS endpoint's host ends, and the built-in cloud it belongs to (the Portal's hosts in each cloud). */
const acsHostClouds: readonly [suffix: string, cloud: string][] = [
  ['.communication.azure.com', 'AzureCloud'],
  ['.communication.azure.us', 'AzureUSGovernment'],
  ['.communication.azure.cn', 'AzureChinaCloud'],
];

/** What a pasted connection string tells the Add form: the resource's name and its cloud, when its endpoint says them. */
export interface PastedConnectionString {
  /** The endpoint host's first label ("fabrikam-chat" of fabrikam-chat.communication.azure.com); none for an IP address or localhost. */
  name?: string;
  /** The built-in cloud whose ACS hosts the endpoint is under; none for any other host (an emulator, a private cloud). */
  cloud?: string;
}

/**
 * Reads `endpoint=https://<name>.communication.azure.com/;accesskey=…` as the user pastes it, so the
 * form can offer the name and cloud; undefined when the text is not a whole connection string yet.
 */
export function readPastedConnectionString(text: string): PastedConnectionString | undefined {
  const parsed = parseAcsConnectionString(text);
  if (!parsed.ok) return undefined;
  const host = new URL(parsed.value.endpoint).hostname.toLowerCase();
  const found: PastedConnectionString = {};
  const cloud = acsHostClouds.find(([suffix]) => host.endsWith(suffix))?.[1];
  if (cloud) found.cloud = cloud;
  const isAddress = host === 'localhost' || /^[\d.]+$/.test(host) || host.startsWith('[');
  const label = host.split('.')[0];
  if (!isAddress && label) found.name = label;
  return found;
}

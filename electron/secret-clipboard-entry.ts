/**
 * Raw platform formats that tell clipboard managers and history tools not to keep the entry:
 * KDE/Klipper's password hint on Linux, and the nspasteboard.org concealed marker on macOS.
 */
const secretMarkers: Partial<Record<NodeJS.Platform, Record<string, string>>> = {
  linux: { 'x-kde-passwordManagerHint': 'secret' },
  darwin: { 'org.nspasteboard.ConcealedType': 'secret' },
};

/**
 * The payloads of a ClipboardItem for a secret: the text plus the platform's marker, as raw OS
 * formats (`electron application/osclipboard;format="..."`), written together in one atomic
 * `clipboard.write` (https://www.electronjs.org/docs/latest/api/clipboard).
 */
export function secretClipboardEntry(text: string, platform: NodeJS.Platform = process.platform): Record<string, string> {
  const markers = Object.entries(secretMarkers[platform] ?? {}).map(([format, value]) => [`electron application/osclipboard;format="${format}"`, value] as const);
  return { 'text/plain': text, ...Object.fromEntries(markers) };
}

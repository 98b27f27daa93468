/** A DWORD 0, as Windows' clipboard history and cloud clipboard formats take it (little endian). */
const dwordZero = (): Blob => new Blob([new Uint8Array(4)]);

/**
 * Raw platform formats that tell clipboard managers and history tools not to keep the entry:
 * KDE/Klipper's password hint on Linux, the nspasteboard.org concealed marker on macOS, and on
 * Windows the three formats that keep it out of monitors, Win+V history and the cloud clipboard
 * (https://learn.microsoft.com/windows/win32/dataxchg/clipboard-formats#cloud-clipboard-and-clipboard-history-formats).
 */
const secretMarkers: Partial<Record<NodeJS.Platform, () => Record<string, string | Blob>>> = {
  linux: () => ({ 'x-kde-passwordManagerHint': 'secret' }),
  darwin: () => ({ 'org.nspasteboard.ConcealedType': 'secret' }),
  win32: () => ({
    // "Any data": its presence alone tells clipboard monitors to leave the entry alone.
    ExcludeClipboardContentFromMonitorProcessing: dwordZero(),
    CanIncludeInClipboardHistory: dwordZero(),
    CanUploadToCloudClipboard: dwordZero(),
  }),
};

/**
 * The payloads of a ClipboardItem for a secret: the text plus the platform's markers, as raw OS
 * formats (`electron application/osclipboard;format="..."`), written together in one atomic
 * `clipboard.write` (https://www.electronjs.org/docs/latest/api/clipboard).
 */
export function secretClipboardEntry(text: string, platform: NodeJS.Platform = process.platform): Record<string, string | Blob> {
  const markers = Object.entries(secretMarkers[platform]?.() ?? {}).map(
    ([format, value]) => [`electron application/osclipboard;format="${format}"`, value] as const,
  );
  return { 'text/plain': text, ...Object.fromEntries(markers) };
}

import { describe, expect, it } from 'vitest';
import { secretClipboardEntry } from './secret-clipboard-entry.ts';

describe('a secret on the clipboard', () => {
  it('carries the KDE password-manager hint beside the text on Linux', () => {
    expect(secretClipboardEntry('k3y', 'linux')).toEqual({
      'text/plain': 'k3y',
      'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret',
    });
  });

  it('carries the concealed marker beside the text on macOS', () => {
    expect(secretClipboardEntry('k3y', 'darwin')).toEqual({
      'text/plain': 'k3y',
      'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': 'secret',
    });
  });

  it('keeps it out of clipboard monitors, Win+V history and the cloud clipboard on Windows, each marked with a DWORD 0', async () => {
    const entry = secretClipboardEntry('k3y', 'win32');
    const format = (name: string) => `electron application/osclipboard;format="${name}"`;
    expect(Object.keys(entry).sort()).toEqual(
      [
        'text/plain',
        format('CanIncludeInClipboardHistory'),
        format('CanUploadToCloudClipboard'),
        format('ExcludeClipboardContentFromMonitorProcessing'),
      ].sort(),
    );
    expect(entry['text/plain']).toBe('k3y');
    for (const name of ['CanIncludeInClipboardHistory', 'CanUploadToCloudClipboard']) {
      const value = entry[format(name)];
      expect(value).toBeInstanceOf(Blob);
      expect([...new Uint8Array(await (value as Blob).arrayBuffer())]).toEqual([0, 0, 0, 0]);
    }
  });

  it('is plain text where no marker is defined', () => {
    expect(secretClipboardEntry('k3y', 'freebsd')).toEqual({ 'text/plain': 'k3y' });
  });
});

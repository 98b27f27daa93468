import { describe, expect, it } from 'vitest';
import { secretClipboardEntry } from './secret-clipboard-entry.ts';

describe('a secret on the clipboard', () => {
  it('carries the KDE password-manager hint beside the text on Linux', () => {
    expect(secretClipboardEntry('k3y', 'linux')).toEqual({ 'text/plain': 'k3y', 'electron application/osclipboard;format="x-kde-passwordManagerHint"': 'secret' });
  });

  it('carries the concealed marker beside the text on macOS', () => {
    expect(secretClipboardEntry('k3y', 'darwin')).toEqual({ 'text/plain': 'k3y', 'electron application/osclipboard;format="org.nspasteboard.ConcealedType"': 'secret' });
  });

  it('is plain text where no marker is defined', () => {
    expect(secretClipboardEntry('k3y', 'win32')).toEqual({ 'text/plain': 'k3y' });
  });
});

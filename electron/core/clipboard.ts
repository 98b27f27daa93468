/**
 * The system clipboard, as a front door that has one provides it (Electron's `clipboard` in the
 * desktop app). Browser mode has none: the page copies through the browser's clipboard.
 */
export interface ClipboardPort {
  /** Writes text, marked as a secret for clipboard managers where the platform API allows it. */
  writeSecret(text: string): void;
  readText(): string;
  clear(): void;
}

/**
 * The system clipboard, as a front door that has one provides it (Electron's `clipboard` in the
 * desktop app). Browser mode has none: the page copies through the browser's clipboard. Reads and
 * writes are asynchronous, as Electron's clipboard (modelled on the W3C Clipboard API) is.
 */
export interface ClipboardPort {
  /** Writes text, marked as a secret for clipboard managers where the platform allows it. */
  writeSecret(text: string): Promise<void>;
  readText(): Promise<string>;
  clear(): void;
}

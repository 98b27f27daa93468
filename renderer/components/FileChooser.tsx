import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { DocumentArrowUpRegular } from '@fluentui/react-icons';
import { useRef, type ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
});

export interface FileChooserProps {
  /** The button's words: "Choose a file…". */
  label: string;
  /** The file types the picker offers. */
  accept: string;
  testId: string;
  /** The largest file read; a larger one is refused with `tooLarge(its name)`, unread. */
  maxBytes: number;
  tooLarge(name: string): string;
  onRead(file: { name: string; text: string }): void;
  onRefused(message: string): void;
  /** Beside the button: what was read, and any way back. */
  children?: ReactNode;
}

/** Reads a text file the user picks, with a size limit, for a field that also takes pasted text. */
export function FileChooser({ label, accept, testId, maxBytes, tooLarge, onRead, onRefused, children }: FileChooserProps) {
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);

  async function choose(list: FileList | null) {
    const file = list?.[0];
    // Emptied at once, so choosing the same file again reads it again.
    if (input.current) input.current.value = '';
    if (!file) return;
    if (file.size > maxBytes) return onRefused(tooLarge(file.name));
    onRead({ name: file.name, text: await file.text() });
  }

  return (
    <div className={styles.root}>
      <input ref={input} type="file" hidden accept={accept} data-testid={testId} onChange={(e) => void choose(e.target.files)} />
      <Button icon={<DocumentArrowUpRegular />} onClick={() => input.current?.click()}>
        {label}
      </Button>
      {children}
    </div>
  );
}

import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CopyRegular } from '@fluentui/react-icons';
import { useId, useRef, useState } from 'react';
import { copyText } from './copy-text.ts';
import { useLayoutStyles } from './layout-styles.ts';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, minWidth: 0 },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  status: { color: tokens.colorPaletteGreenForeground1 },
});

/** A titled block of text (a header, a command) with its own Copy button. */
export function CopyableBlock({ title, text, testId }: { title: string; text: string; testId?: string }) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const titleId = useId();
  const ref = useRef<HTMLPreElement>(null);
  const [copied, setCopied] = useState<boolean>();
  return (
    <div className={styles.root} role="group" aria-labelledby={titleId}>
      <div className={styles.head}>
        <Text id={titleId} weight="semibold">
          {title}
        </Text>
        <Button
          size="small"
          appearance="subtle"
          icon={<CopyRegular />}
          aria-label={`Copy ${title.toLowerCase()}`}
          onClick={() => void copyText(text, ref.current).then(setCopied)}
        >
          Copy
        </Button>
        <Caption1 role="status" className={styles.status}>
          {copied === undefined ? '' : copied ? 'Copied' : 'Select the text and press Ctrl+C'}
        </Caption1>
      </div>
      <pre ref={ref} className={layout.code} data-testid={testId}>
        {text}
      </pre>
    </div>
  );
}

import { Button, makeStyles, tokens, Tooltip } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useRef, useState } from 'react';
import { copyText } from './copy-text.ts';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minWidth: 0, maxWidth: '100%' },
  text: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap' },
  // The whole value stays in the page for Ctrl+C and the copy fallback, out of sight.
  full: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
});

/** "1234abcd…ef90": the start and end of an ID, which is how people compare GUIDs by eye. */
export function middleOf(value: string, keep = 8): string {
  return value.length <= keep * 2 + 1 ? value : `${value.slice(0, keep)}…${value.slice(-Math.ceil(keep / 2))}`;
}

/**
 * A long ID that is not a secret (a tenant, subscription or object ID, an ACS user ID) cut in the
 * middle, never broken mid-word across lines, with its whole value in the tooltip and a button
 * that copies it. `label` names the value for screen readers ("tenant ID").
 */
export function MiddleTruncated({ value, label, keep }: { value: string; label: string; keep?: number }) {
  const styles = useStyles();
  const full = useRef<HTMLSpanElement>(null);
  const [copied, setCopied] = useState(false);
  const shown = middleOf(value, keep);
  return (
    <span className={styles.root}>
      <Tooltip content={value} relationship="description">
        <span className={styles.text} aria-hidden={shown !== value}>
          {shown}
        </span>
      </Tooltip>
      {shown !== value && (
        <span ref={full} className={styles.full}>
          {value}
        </span>
      )}
      <Button
        size="small"
        appearance="subtle"
        icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label={copied ? `Copied ${label}` : `Copy ${label}`}
        onClick={() =>
          void copyText(value, full.current).then((ok) => {
            setCopied(ok);
            if (ok) window.setTimeout(() => setCopied(false), 2000);
          })
        }
      />
    </span>
  );
}

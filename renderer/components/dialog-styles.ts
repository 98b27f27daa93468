import { makeStyles, tokens } from '@fluentui/react-components';

/** Layout every dialog's content shares. */
export const useDialogStyles = makeStyles({
  // DialogContent scrolls: its children keep their height instead of shrinking into each other.
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, '& > *': { flexShrink: 0 } },
});

import { Body1, Field, makeStyles, Textarea, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { problem } from '../../components/field-problem.ts';
import { FileChooser } from '../../components/FileChooser.tsx';
import { addPemPart } from './service-principal-form.ts';
import { useLayoutStyles } from '../../components/layout-styles.ts';

const useStyles = makeStyles({
  pem: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
});

const maxBytes = 64 * 1024;

export interface CertificateFieldProps {
  value: string;
  onChange(pem: string): void;
  error: string | undefined;
}

/**
 * The certificate credential: PEM text pasted, or read from files (a certificate file and a key
 * file can be picked one after the other). The text never leaves the page except to the core.
 */
export function CertificateField({ value, onChange, error }: CertificateFieldProps) {
  const styles = useStyles();
  const layout = useLayoutStyles();
  const [note, setNote] = useState('');

  function read(file: { name: string; text: string }) {
    if (!file.text.includes('-----BEGIN '))
      return setNote(
        `${file.name} is not PEM text (no -----BEGIN line). Convert a .pfx with: openssl pkcs12 -in cert.pfx -nodes -out cert.pem`,
      );
    onChange(addPemPart(value, file.text));
    setNote(`Read ${file.name}.`);
  }

  return (
    <>
      <Field
        label="Certificate and private key (PEM)"
        required
        hint={
          'The certificate uploaded to the app registration and its private key, unencrypted (BEGIN PRIVATE KEY, not BEGIN ' +
          'ENCRYPTED PRIVATE KEY). Paste both, or choose the file(s). The private key is kept in the vault.'
        }
        {...problem(error)}
      >
        <Textarea
          className={styles.pem}
          // It holds a private key: not kept for session restore (Chromium saves a text area's state unless
          // autocomplete is off; Textarea passes autoComplete on only through its textarea slot).
          textarea={{ className: styles.pem, autoComplete: 'off' }}
          value={value}
          resize="vertical"
          rows={6}
          spellCheck={false}
          placeholder={'-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----\n-----BEGIN PRIVATE KEY-----\n…'}
          onChange={(_, d) => onChange(d.value)}
        />
      </Field>
      <FileChooser
        label="Choose a PEM file…"
        accept=".pem,.crt,.cer,.key,.txt"
        testId="certificate-file"
        maxBytes={maxBytes}
        tooLarge={(name) => `${name} is larger than 64 KB: that is not a PEM certificate.`}
        onRead={read}
        onRefused={setNote}
      >
        <Body1 role="status" className={layout.muted}>
          {note}
        </Body1>
      </FileChooser>
    </>
  );
}

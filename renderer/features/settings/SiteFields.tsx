import { InputField } from '../../components/InputField';

interface FieldProps {
  value: string;
  onValue(value: string): void;
}

/** The address of a publishing site. */
export function SiteUrlField(props: FieldProps & { label?: string; required?: boolean }) {
  return (
    <InputField
      label="Site URL"
      type="url"
      placeholder="https://news.example.com"
      required
      spellCheck={false}
      {...props}
    />
  );
}

/** The name a site is listed under; left empty, the name the site gave when tested. */
export function SiteNameField(props: FieldProps & { siteName: string | undefined }) {
  const { siteName, ...field } = props;
  return <InputField label="Name" placeholder={siteName || 'The site’s name'} {...field} />;
}

/** A write-only credential: once saved it shows as saved and may be left empty. */
export function SecretField(props: FieldProps & { label: string; saved: boolean; placeholder: string }) {
  const { saved, placeholder, ...field } = props;
  return (
    <InputField
      type="password"
      placeholder={saved ? '••• saved' : placeholder}
      autoComplete="new-password"
      spellCheck={false}
      required={!saved}
      {...field}
    />
  );
}

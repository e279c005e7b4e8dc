import { useState } from 'preact/hooks';

/** Up to two initials of a label, for apps without a (working) logo. */
export function initials(label: string): string {
  const words = label.split(/[\s\-_/&.]+/u).filter((word) => /\p{L}|\p{N}/u.test(word));
  const letters = words.slice(0, 2).map((word) => [...word][0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** An app's logo, or its initials when the logo is missing or fails to load. */
export function AppLogo({ label, logoUrl }: { label: string; logoUrl?: string }) {
  const [failed, setFailed] = useState(false);
  if (logoUrl && !failed) {
    return <img class="logo" src={logoUrl} alt="" width={28} height={28} onError={() => setFailed(true)} />;
  }
  return (
    <span class="logo logo-initials" aria-hidden="true">
      {initials(label)}
    </span>
  );
}

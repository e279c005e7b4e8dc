import { useState } from 'preact/hooks';
import { isWebUrl } from '@/lib/okta/is-web-url';

/** Up to two initials of a label, for apps without a (working) logo. */
export function initials(label: string): string {
  const words = label.split(/[\s\-_/&.]+/u).filter((word) => /\p{L}|\p{N}/u.test(word));
  // A word's first letter or digit: not a bracket, a mark or an invisible control before it.
  const letters = words.slice(0, 2).map((word) => /[\p{L}\p{N}]/u.exec(word)?.[0] ?? '');
  return letters.join('').toUpperCase() || '?';
}

/** A stable hue per label, so initials tiles are told apart at a glance. */
function hue(label: string): number {
  let hash = 0;
  for (const char of label) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) % 360;
  return hash;
}

/** An app's logo (only from http/https), or its initials when the logo is missing or fails to load. */
export function AppLogo({ label, logoUrl, size = 28 }: { label: string; logoUrl?: string; size?: number }) {
  const [failed, setFailed] = useState(false);
  if (logoUrl && isWebUrl(logoUrl) && !failed) {
    return (
      <img
        class="logo"
        src={logoUrl}
        alt=""
        width={size}
        height={size}
        referrerpolicy="no-referrer"
        onError={() => setFailed(true)}
      />
    );
  }
  return (
    <span
      class="logo logo-initials"
      aria-hidden="true"
      style={{ width: `${size}px`, height: `${size}px`, '--logo-hue': String(hue(label)) }}
    >
      {initials(label)}
    </span>
  );
}

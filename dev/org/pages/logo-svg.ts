import { escapeHtml } from '../html';

/** A simple logo: a coloured rounded square with the label's initials, coloured by a hash of the label. */
export function logoSvg(label: string): string {
  let hash = 0;
  for (const char of label) hash = (Math.imul(hash, 31) + char.codePointAt(0)!) >>> 0;
  const initials = label
    .split(/[\s\-.]+/)
    .filter((word) => /^\p{L}/u.test(word))
    .slice(0, 2)
    .map((word) => [...word][0]!.toUpperCase())
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 64 64" role="img" aria-label="${escapeHtml(label)}">
<rect width="64" height="64" rx="12" fill="hsl(${hash % 360} 55% 42%)"/>
<text x="32" y="41" font-family="system-ui,sans-serif" font-size="24" font-weight="700" fill="#fff" text-anchor="middle">${escapeHtml(initials)}</text>
</svg>`;
}

import { describe, expect, it } from 'vitest';
import { escapeOmniboxXml } from '@/lib/omnibox/escape-omnibox-xml';
import { forOmnibox, omniboxPlainText } from '@/lib/omnibox/plain-text';

describe('omnibox descriptions for Firefox', () => {
  it('removes the markup Chrome reads and decodes the escaped data', () => {
    const xml = `<match>${escapeOmniboxXml('R&D')}</match> Portal <dim>— ${escapeOmniboxXml('App "beta"')}</dim>`;
    expect(omniboxPlainText(xml)).toBe('R&D Portal — App "beta"');
  });

  it('shows labels that look like markup or entities exactly as written', () => {
    for (const label of ['<match>x</match>', '&lt;', '&amp;amp;', "O'Brien <dim>", '<url>https://a</url>']) {
      expect(omniboxPlainText(`<match>${escapeOmniboxXml(label)}</match>`)).toBe(label);
    }
  });

  it('leaves Chrome its XML', () => {
    const xml = '<match>Slack</match> <dim>— App</dim>';
    expect(forOmnibox(xml, 'xml')).toBe(xml);
    expect(forOmnibox(xml, 'plain')).toBe('Slack — App');
  });
});

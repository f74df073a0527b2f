import { describe, expect, it } from 'vitest';
import { isAllowedLinkUrl, normalizeLinkUrl } from '../../../shared/editor';

describe('isAllowedLinkUrl', () => {
  it.each([
    'https://example.com',
    'http://example.com/path?q=1#top',
    'HTTPS://EXAMPLE.COM/',
    '  https://example.com/padded  ',
    'https://例え.jp/',
    'mailto:desk@example.com',
    'MAILTO:desk@example.com?subject=Tip',
  ])('allows %j', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0001javascript:alert(1)',
    'jav\u200Bascript:alert(1)',
    'https://exa\u202Emple.com',
    'https://example.com/a b',
    'https://example.com/\u200B',
    'mailto:desk@example.com\u0000evil',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.com',
    'tel:+3212345',
    '/relative/path',
    '../up',
    '#anchor',
    '//example.com/protocol-relative',
    'example.com',
    'https:example.com',
    'https:/example.com',
    'https://',
    'mailto:',
    '',
    '   ',
  ])('refuses %j', (url) => {
    expect(isAllowedLinkUrl(url)).toBe(false);
  });
});

describe('normalizeLinkUrl', () => {
  it.each([
    ['example.com/path', 'https://example.com/path'],
    ['www.example.co.uk', 'https://www.example.co.uk'],
    ['example.com:8080/x?y=1', 'https://example.com:8080/x?y=1'],
    ['  https://example.com  ', 'https://example.com'],
    ['http://example.com', 'http://example.com'],
    ['desk@example.com', 'mailto:desk@example.com'],
    ['mailto:desk@example.com', 'mailto:desk@example.com'],
  ])('turns %j into %j', (input, expected) => {
    expect(normalizeLinkUrl(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    'localhost',
    '192.168.0.1',
    'not a url',
    '/path',
    '',
  ])('gives null for %j', (input) => {
    expect(normalizeLinkUrl(input)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { typographic } from '../../../main/publish/targets/static/renderSite';

describe('typographic quotes on static story pages', () => {
  it('curls double and single quotes and apostrophes the way a typesetter would', () => {
    expect(typographic('Mayor says "not yet" on the bridge')).toBe('Mayor says “not yet” on the bridge');
    expect(typographic("'Too late': the council's vote")).toBe('‘Too late’: the council’s vote');
    expect(typographic('"Quoted" at the start, and (\'aside\')')).toBe(
      '“Quoted” at the start, and (‘aside’)',
    );
    expect(typographic('Plain text')).toBe('Plain text');
  });
});

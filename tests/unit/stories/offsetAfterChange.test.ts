import { describe, expect, it } from 'vitest';
import { offsetAfterChange } from '../../../renderer/features/stories/TextControl';

describe('offsetAfterChange: a caret or selection stays on the same text when another machine changes the field', () => {
  it('keeps an offset before the change and moves one after it by the change’s length', () => {
    expect(offsetAfterChange('Ferry strike off', 'Ferry strike called off', 5, 'start')).toBe(5);
    expect(offsetAfterChange('Ferry strike off', 'Ferry strike called off', 16, 'end')).toBe(23);
    expect(offsetAfterChange('Ferry strike called off', 'Ferry strike off', 20, 'start')).toBe(13);
  });

  it('puts an offset inside a replaced run at the run’s start or end, for the selection’s start or end', () => {
    // "called" replaced by "is"; offsets 15 and 17 were inside "called".
    expect(offsetAfterChange('Ferry strike called off', 'Ferry strike is off', 15, 'start')).toBe(13);
    expect(offsetAfterChange('Ferry strike called off', 'Ferry strike is off', 17, 'end')).toBe(15);
  });

  it('handles text added or removed at either end', () => {
    expect(offsetAfterChange('strike', 'Ferry strike', 0, 'start')).toBe(0);
    expect(offsetAfterChange('strike', 'Ferry strike', 6, 'end')).toBe(12);
    expect(offsetAfterChange('strike', 'strike off', 3, 'start')).toBe(3);
    expect(offsetAfterChange('Ferry strike', '', 8, 'end')).toBe(0);
    expect(offsetAfterChange('aaa', 'aaaa', 3, 'end')).toBe(3);
  });
});

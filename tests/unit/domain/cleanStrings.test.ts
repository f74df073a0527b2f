import { describe, expect, it } from 'vitest';
import { cleanStrings } from '../../../shared/domain/text';

describe('cleanStrings', () => {
  it('gives back the same object when nothing needed cleaning', () => {
    const body = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Hello' }] }],
    };
    expect(cleanStrings(body)).toBe(body);
  });

  it('copies only what held a forbidden character', () => {
    const clean = { type: 'paragraph', content: [{ type: 'text', text: 'fine' }] };
    const dirty = { type: 'paragraph', content: [{ type: 'text', text: 'bad\u202Eword' }] };
    const body = { type: 'doc', content: [clean, dirty] };
    const cleaned = cleanStrings(body);
    expect(cleaned).not.toBe(body);
    expect(cleaned.content[0]).toBe(clean);
    expect(cleaned.content[1]?.content[0]?.text).toBe('badword');
    expect(dirty.content[0]?.text).toBe('bad\u202Eword');
  });

  it('cleans keys', () => {
    expect(cleanStrings({ 'a\u0000b': 1 })).toEqual({ ab: 1 });
  });
});

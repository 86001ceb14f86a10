import { describe, expect, it } from 'vitest';
import { EXPORTS, choiceOf, fileName, sizeText } from './exports';

describe('exports', () => {
  it('offers every export the core writes, once each', () => {
    expect(EXPORTS.map((c) => c.kind)).toEqual(['ics', 'html', 'pdf', 'csv', 'json', 'bundle']);
  });
  it('proposes the case key with the extension the CLI uses', () => {
    expect(fileName('microsoft-ireland', 'bundle')).toBe('microsoft-ireland.zip');
    expect(fileName('microsoft-ireland', 'pdf')).toBe('microsoft-ireland.pdf');
    expect(choiceOf('ics').extension).toBe('ics');
  });
  it('says sizes in a person\'s units', () => {
    expect(sizeText(512)).toBe('512 bytes');
    expect(sizeText(48_213)).toBe('48.2 kB');
    expect(sizeText(3_400_000)).toBe('3.4 MB');
  });
});

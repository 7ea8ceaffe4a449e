import { describe, expect, it } from 'vitest';
import { errorMessage, errorNameAndMessage } from '../../src/sokoban/error-message';

describe('errorMessage', () => {
  it('gives an Error its message, without the name', () => {
    expect(errorMessage(new TypeError('bad input'))).toBe('bad input');
  });

  it('gives a thrown non-Error as text', () => {
    expect(errorMessage('plain string')).toBe('plain string');
    expect(errorMessage(42)).toBe('42');
    expect(errorMessage(undefined)).toBe('undefined');
    expect(errorMessage(null)).toBe('null');
  });

  it('reads a subclass of Error as an Error', () => {
    class LevelError extends Error {}
    expect(errorMessage(new LevelError('no player'))).toBe('no player');
  });
});

describe('errorNameAndMessage', () => {
  it('puts the name before the message for an Error', () => {
    expect(errorNameAndMessage(new RangeError('Invalid array length'))).toBe(
      'RangeError: Invalid array length',
    );
  });

  it('gives a thrown non-Error as text, with no name', () => {
    expect(errorNameAndMessage('out of memory')).toBe('out of memory');
    expect(errorNameAndMessage({ toString: () => 'custom' })).toBe('custom');
  });
});

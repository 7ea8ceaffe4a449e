import { describe, expect, it } from 'vitest';
import { type SolveLine, csvField, csvLine } from '../../src/solver/report';

const LINE: SolveLine = {
  index: 3,
  title: 'Plain',
  status: 'solved',
  solution: 'rRuU',
  moves: 4,
  pushes: 2,
  ms: 12,
  nodes: 40,
  message: null,
};

describe('CSV export guard against formula injection', () => {
  it("prefixes text that starts like a formula with ' (= + - @ tab CR)", () => {
    expect(csvField('=1+2')).toBe("'=1+2");
    expect(csvField('+SUM(A1)')).toBe("'+SUM(A1)");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@cmd')).toBe("'@cmd");
    expect(csvField('\tsneaky')).toBe("'\tsneaky");
    // A CR also needs quoting (RFC 4180): the prefix goes inside the quotes.
    expect(csvField('\r=1')).toBe('"\'\r=1"');
    expect(csvField('=HYPERLINK("http://x","go")')).toBe('"\'=HYPERLINK(""http://x"",""go"")"');
  });

  it('leaves other text and every number as they are', () => {
    expect(csvField('Level 1 = easy')).toBe('Level 1 = easy'); // only a leading sign counts
    expect(csvField(' =1')).toBe(' =1');
    expect(csvField('')).toBe('');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
    expect(csvField(1234)).toBe('1234');
    // Not expected from the engine, but a number is written as a number, never as text.
    expect(csvField(-5)).toBe('-5');
  });

  it('guards the text columns of a whole row and keeps its numeric columns numeric', () => {
    const row = csvLine({ ...LINE, title: '=cmd|"/c calc"!A0', message: '@bad' });
    expect(row).toBe('3,"\'=cmd|""/c calc""!A0",solved,rRuU,4,2,12,40,\'@bad');
  });
});

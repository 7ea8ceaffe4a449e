import { describe, expect, it } from 'vitest';
import { parseCollection, parseLevel, MAX_CELLS, MAX_TEXT_LENGTH } from '../../src/sokoban/parse';
import { printBoard } from '../../src/sokoban/print';

function levels(text: string) {
  const r = parseCollection(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.entries;
}

function only(text: string) {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

describe('parseLevel', () => {
  it('reads every XSB character', () => {
    // Row 1: player, box, goal. Row 2: box on goal, player-less goal.
    const level = only(['#######', '#@ $. #', '# *   #', '#######'].join('\n'));
    expect(level.width).toBe(7);
    expect(level.height).toBe(4);
    expect(level.player).toBe(8);
    expect(level.boxes).toEqual([10, 16]);
    expect(level.tiles).toBe('#######' + '#   . #' + '# .   #' + '#######');
  });

  it('reads + as player on goal and * as box on goal', () => {
    const level = only('#####\n#+$ #\n#*  #\n#####');
    expect(level.tiles[6]).toBe('.');
    expect(level.player).toBe(6);
    expect(level.boxes).toEqual([7, 11]);
    expect(level.tiles[11]).toBe('.');
  });

  it('treats - and _ as floor and accepts Windows line endings and ragged rows', () => {
    const level = only('  ####\r\n###-_#\r\n#@$.-#\r\n######\r\n');
    expect(level.width).toBe(6);
    expect(printBoard(level)).toBe('  ####\n###  #\n#@$. #\n######');
  });

  it('reads an RLE board', () => {
    const level = only('4#|#@$.#|4#');
    expect(printBoard(level)).toBe('####\n#@$.#\n####');
    expect(level.height).toBe(3);
  });

  it('reads RLE with groups', () => {
    expect(printBoard(only('6#|#@$.-#|#2(-)$.#|6#'))).toBe('######\n#@$. #\n#  $.#\n######');
  });
});

describe('parseCollection', () => {
  it('takes the last text line before a board as its title, and Title:/Author: after it', () => {
    const text = [
      'My collection',
      '',
      'First level',
      '#####',
      '#@$.#',
      '#####',
      '',
      '#####',
      '#.$@#',
      '#####',
      'Title: Second',
      'Author: Someone',
      '',
      '; a comment that is not a title line',
      'Third',
      '#####',
      '#@$.#',
      '#####',
    ].join('\n');
    const entries = levels(text);
    expect(entries.map((e) => e.title)).toEqual(['First level', 'Second', 'Third']);
    expect(entries.map((e) => e.index)).toEqual([1, 2, 3]);
    const second = entries[1]!;
    expect(second.ok && second.level.author).toBe('Someone');
  });

  it('skips SOK Comment: ... Comment-End: blocks', () => {
    const entries = levels(
      'Comment:\n#####\n#@$.#\n#####\nComment-End:\nReal\n#####\n#@$.#\n#####',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.title).toBe('Real');
  });

  it('reads Boxoban files with "; N" headers', () => {
    const boards: string[] = [];
    for (let n = 0; n < 60; n++) {
      const row = '#' + ' '.repeat(n % 7) + '@$.' + ' '.repeat(5 - (n % 7 > 5 ? 5 : n % 7));
      const inner = row.padEnd(9, ' ').slice(0, 9) + '#';
      boards.push(
        [
          `; ${n}`,
          '##########',
          ...Array.from({ length: 8 }, (_, i) => (i === 3 ? inner : '#        #')),
          '##########',
          '',
        ].join('\n'),
      );
    }
    const entries = levels(boards.join('\n'));
    expect(entries).toHaveLength(60);
    const e53 = entries.find((e) => e.title === '53')!;
    expect(e53.index).toBe(54);
    expect(e53.ok && e53.level.player).toBe(4 * 10 + 1 + (53 % 7));
  });

  it('reads RLE boards inside a collection', () => {
    const entries = levels('One\n4#|#@$.#|4#\n\nTwo\n#####\n#@$.#\n#####');
    expect(entries.map((e) => [e.title, e.ok])).toEqual([
      ['One', true],
      ['Two', true],
    ]);
  });
});

describe('errors say what and where', () => {
  const error = (text: string) => {
    const r = parseLevel(text);
    if (r.ok) throw new Error('expected an error');
    return r.error;
  };

  it('no board', () => {
    expect(error('hello\nworld').message).toMatch(/No board found/);
  });
  it('unknown character with line and column', () => {
    const e = error('#####\n#@$.#\n# x #\n#####');
    expect(e.message).toMatch(/Unknown character "x"/);
    expect(e).toMatchObject({ line: 3, column: 3 });
  });
  it('no player', () => {
    expect(error('#####\n# $.#\n#####').message).toMatch(/No player/);
  });
  it('several players', () => {
    const e = error('######\n#@$.@#\n######');
    expect(e.message).toMatch(/More than one player/);
    expect(e).toMatchObject({ line: 2, column: 5 });
  });
  it('boxes and goals not equal', () => {
    expect(error('######\n#@$$.#\n######').message).toMatch(/2 boxes, 1 goal/);
  });
  it('no boxes', () => {
    expect(error('#####\n#@  #\n#####').message).toMatch(/No boxes/);
  });
  it('not closed', () => {
    const e = error('#####\n#@$. \n#####');
    expect(e.message).toMatch(/not closed/);
    expect(e).toMatchObject({ line: 2, column: 5 });
  });
  it('too much text is refused at once', () => {
    const r = parseCollection('#'.repeat(MAX_TEXT_LENGTH + 1));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/too large/);
  });
  it('a board over the cell cap is refused', () => {
    const side = Math.ceil(Math.sqrt(MAX_CELLS)) + 1;
    const rows = [
      '#'.repeat(side),
      '#@$.' + ' '.repeat(side - 5) + '#',
      ...Array.from({ length: side - 3 }, () => '#' + ' '.repeat(side - 2) + '#'),
      '#'.repeat(side),
    ];
    expect(error(rows.join('\n')).message).toMatch(/too large/);
  });
  it('a hostile RLE count is refused, not expanded', () => {
    // Its cost is measured by scripts/measure-hostile-input.ts, not timed here.
    const e = error('999999999#|#@$.#|4#');
    expect(e.message).toMatch(/run-length/);
  });
  it('one bad level in a collection does not spoil the others', () => {
    const entries = levels('A\n#####\n#@$.#\n#####\n\nB\n#####\n#@$$#\n#####');
    expect(entries[0]!.ok).toBe(true);
    expect(entries[1]!.ok).toBe(false);
  });
});

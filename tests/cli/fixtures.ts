/** A small collection written for the CLI tests: solvable, already solved, invalid, unsolvable. */

/** Line numbers below are 1-based lines of COLLECTION; the bad character's place is asserted. */
export const COLLECTION = [
  '; A collection written for the command-line tests',
  '',
  'One push',
  '#####',
  '#@$.#',
  '#####',
  '',
  'Around the corner',
  '######',
  '#    #',
  '# $  #',
  '#@ # #',
  '#### #',
  '   #.#',
  '   ###',
  '',
  'Two boxes',
  '#######',
  '#@$  .#',
  '# $  .#',
  '#     #',
  '#######',
  '',
  'Broken',
  '#####',
  '#@$x#', // line 26, column 4
  '#. ##',
  '#####',
  '',
  'Cornered',
  '######',
  '#$  .#',
  '#  @ #',
  '######',
  '',
  'Already home',
  '####',
  '#@*#',
  '####',
  '',
].join('\n');

export const TITLES = [
  'One push',
  'Around the corner',
  'Two boxes',
  'Broken',
  'Cornered',
  'Already home',
];
export const EXPECTED_STATUS = ['solved', 'solved', 'solved', 'invalid', 'unsolvable', 'solved'];
export const BAD_CHAR_PLACE = { line: 26, column: 4 };

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  levelRef,
  looksLikeEpisodeFile,
  parseActions,
  parseCollection,
  parseEpisodeFile,
  replayParsed,
  resolveLevelRef,
} from '../../src/sokoban';

const BOXOBAN = ['; 52', '#####', '#@$.#', '#####', '', '; 53', '######', '#@$ .#', '######'].join(
  '\n',
);

describe('episode files', () => {
  it('reads every field, with arrows as lists or objects', () => {
    const r = parseEpisodeFile(
      JSON.stringify({
        level: 'medium/valid/000:53',
        actions: [3, 3],
        order: 'udlr',
        values: [0.5, null, 0.7],
        overlays: [[[1, 2, 'right']], [], [{ row: 1, column: 3, direction: 'r' }]],
      }),
    );
    expect(r).toEqual({
      ok: true,
      file: {
        level: { kind: 'id', id: 'medium/valid/000:53', file: 'medium/valid/000', title: '53' },
        actions: '3 3',
        order: 'udlr',
        values: [0.5, null, 0.7],
        overlays: [[{ row: 1, col: 2, dir: 'r' }], [], [{ row: 1, col: 3, dir: 'r' }]],
      },
    });
  });

  it('names the field that is wrong', () => {
    const bad = (o: unknown) => {
      const r = parseEpisodeFile(JSON.stringify(o));
      return r.ok ? '' : r.message;
    };
    expect(bad({ actions: {} })).toMatch(/"actions" must be/);
    expect(bad({ actions: [1], order: 'lrud' })).toMatch(/"order" must be one of/);
    expect(bad({ actions: [1], values: [1, 'x'] })).toMatch(/value 1 is not a number/);
    expect(bad({ actions: [1], overlays: [[], [[1, -1, 'up']]] })).toMatch(/arrow 1 of step 1/);
    expect(bad({ actions: [1], overlays: [[[1, 1, 'north']]] })).toMatch(/direction/);
    expect(bad([1, 2])).toMatch(/JSON object/);
    expect(parseEpisodeFile('{"level": ').ok).toBe(false);
  });

  it('never throws on arbitrary JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (v) => void parseEpisodeFile(JSON.stringify(v))));
    fc.assert(fc.property(fc.string(), (s) => void parseEpisodeFile(s)));
  });

  it('tells level text from a Boxoban id', () => {
    expect(levelRef('53')).toMatchObject({ kind: 'id', title: '53', file: '' });
    expect(levelRef('000:053')).toMatchObject({ kind: 'id', title: '53', file: '000' });
    expect(levelRef('#####\n#@$.#\n#####').kind).toBe('text');
    expect(looksLikeEpisodeFile('  {"actions": []}')).toBe(true);
    expect(looksLikeEpisodeFile('[1, 2]')).toBe(false);
  });

  it('resolves an id by its "; N" title in the loaded collection, or says it is missing', () => {
    const parsed = parseCollection(BOXOBAN);
    if (!parsed.ok) throw new Error('fixture');
    const found = resolveLevelRef(levelRef('medium/valid/000:53'), parsed.entries);
    expect(found.ok && found.level.width).toBe(6);
    expect(found.ok && found.index).toBe(1);
    expect(resolveLevelRef(levelRef('medium/valid/000:54'), parsed.entries)).toEqual({
      ok: false,
      message:
        'Episode file: level medium/valid/000:54: no level titled "54" in the loaded collection (load medium/valid/000.txt first).',
    });
  });

  it('the shipped example replays: its level, its actions, one overlay list per step at most', () => {
    const text = readFileSync('levels/episode-example.json', 'utf8');
    const r = parseEpisodeFile(text);
    if (!r.ok) throw new Error(r.message);
    const level = resolveLevelRef(r.file.level!, []);
    const actions = parseActions(r.file.actions);
    if (!level.ok || !actions.ok) throw new Error('example does not read');
    const episode = replayParsed(level.level, actions, r.file.order ?? 'auto');
    expect(episode.ok).toBe(true);
    if (!episode.ok) return;
    expect(r.file.values).toHaveLength(episode.episode.steps.length);
    expect(r.file.overlays!.length).toBeLessThanOrEqual(episode.episode.steps.length);
  });
});

import { describe, expect, it } from 'vitest';
import {
  STORAGE_KEY,
  STORE_VERSION,
  createGameStore,
  describeLevelError,
  selectCanRedo,
  selectCanUndo,
  selectHistory,
  selectLevel,
  selectMoveCount,
  selectPlayedMoves,
  selectPosition,
  selectPushCount,
  selectSolved,
} from '../../src/store/game';
import { parseCollection, printBoard, sameBoard, startPosition } from '../../src/sokoban';
import { BAD_CHAR, MemoryStorage, OPEN, TINY, TWO_LEVELS, boxobanFile } from './fixtures';

const noStorage = () => createGameStore({ getStorage: () => null });

function stats(store: ReturnType<typeof createGameStore>) {
  const s = store.getState();
  return {
    moves: selectMoveCount(s),
    pushes: selectPushCount(s),
    solved: selectSolved(s),
    lurd: selectPlayedMoves(s),
  };
}

describe('game store: loading', () => {
  it('starts with the starter collection, so a first visit has something to play', () => {
    const store = noStorage();
    const s = store.getState();
    expect(s.entries.length).toBeGreaterThanOrEqual(3);
    expect(selectLevel(s)).not.toBeNull();
    expect(stats(store)).toEqual({ moves: 0, pushes: 0, solved: false, lurd: '' });
  });

  it('loads a pasted level and clears the old histories', () => {
    const store = noStorage();
    store.getState().move('l');
    expect(store.getState().load(TINY)).toBe(true);
    const s = store.getState();
    expect(s.entries).toHaveLength(1);
    expect(selectLevel(s)?.title).toBe('Tiny');
    expect(s.histories).toEqual({});
    expect(s.text).toBe(TINY);
    expect(s.draft).toBe(TINY);
  });

  it('loads the draft when called without text', () => {
    const store = noStorage();
    store.getState().setDraft(OPEN);
    expect(store.getState().load()).toBe(true);
    expect(selectLevel(store.getState())?.title).toBe('Open');
  });

  it('keeps the game when the level is invalid, with the parser message and place in the alert', () => {
    const store = noStorage();
    store.getState().load(TINY);
    store.getState().move('u');
    const before = selectPosition(store.getState());
    expect(store.getState().load(BAD_CHAR)).toBe(false);
    const s = store.getState();
    expect(s.alert?.source).toBe('level');
    expect(s.alert?.message).toMatch(/^Line 3, column 3: Unknown character "x"/);
    expect(selectLevel(s)?.title).toBe('Tiny');
    expect(selectPosition(s)).toEqual(before);
    expect(selectMoveCount(s)).toBe(1);
    expect(s.draft).toBe(BAD_CHAR); // the text box keeps what the user typed, to fix it
  });

  it('reports text with no board at all', () => {
    const store = noStorage();
    expect(store.getState().load('hello there')).toBe(false);
    expect(store.getState().alert?.message).toMatch(/No board found/);
  });

  it('loading the same text again keeps the game', () => {
    const store = noStorage();
    store.getState().load(TINY);
    store.getState().move('u');
    store.getState().load(TINY);
    expect(selectMoveCount(store.getState())).toBe(1);
  });

  it('describes errors with their place', () => {
    expect(describeLevelError({ message: 'M', line: 2, column: 5 })).toBe('Line 2, column 5: M');
    expect(describeLevelError({ message: 'M', line: 2 })).toBe('Line 2: M');
    expect(describeLevelError({ message: 'M' })).toBe('M');
    expect(describeLevelError({ message: 'M', line: 9 }, { index: 3, title: 'T' }, true)).toBe(
      'Level 3 (T), line 9: M',
    );
  });
});

describe('game store: moves and history', () => {
  it('moves, pushes and solves', () => {
    const store = noStorage();
    store.getState().load(TINY);
    expect(store.getState().move('l')).toBe(true);
    expect(stats(store)).toEqual({ moves: 1, pushes: 1, solved: true, lurd: 'L' });
  });

  it('a blocked step changes nothing', () => {
    const store = noStorage();
    store.getState().load(TINY);
    store.getState().move('u');
    expect(store.getState().move('u')).toBe(false);
    expect(selectMoveCount(store.getState())).toBe(1);
  });

  it('undoes and redoes without limit', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    const g = () => store.getState();
    for (let i = 0; i < 2; i++) for (const d of ['l', 'r'] as const) g().move(d);
    expect(selectMoveCount(g())).toBe(4);
    while (g().undo());
    expect(selectMoveCount(g())).toBe(0);
    expect(selectCanUndo(g())).toBe(false);
    expect(selectCanRedo(g())).toBe(true);
    while (g().redo());
    expect(stats(store).lurd).toBe('lrlr');
  });

  it('a new move after undo cuts the redo tail; the same move as the next redo keeps it', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    const g = () => store.getState();
    g().move('l');
    g().move('u');
    g().undo();
    g().undo();
    g().move('l'); // same as the first redo move
    expect(g().histories['0']).toMatchObject({ moves: 'lu', cursor: 1 });
    g().move('r'); // different from the next redo move
    expect(g().histories['0']).toMatchObject({ moves: 'lr', cursor: 2 });
    expect(selectCanRedo(g())).toBe(false);
  });

  it('restart can be undone, bringing every move back', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    const g = () => store.getState();
    expect(g().play('uull')).toBe(true);
    const before = selectPosition(g());
    expect(g().restart()).toBe(true);
    expect(selectMoveCount(g())).toBe(0);
    expect(selectPosition(g())).toEqual({ player: 28, boxes: [18] });
    expect(g().undo()).toBe(true);
    expect(selectMoveCount(g())).toBe(4);
    expect(selectPosition(g())).toEqual(before);
  });

  it('Restart and Load show the level as it was first opened (issue #12)', () => {
    const store = noStorage();
    const g = () => store.getState();
    g().load(OPEN);
    const level = selectLevel(g())!;
    const opened = selectPosition(g());
    expect(opened).toEqual(startPosition(level));
    expect(g().play('llluRd')).toBe(true); // a push, then a turn
    expect(selectPosition(g())).not.toEqual(opened);
    g().restart();
    expect(selectPosition(g())).toEqual(opened);
    g().move('r');
    g().load(TINY);
    g().move('l');
    g().load(OPEN);
    expect(selectPosition(g())).toEqual(opened);
    expect(selectHistory(g())).toEqual({ moves: '', cursor: 0 });
  });

  it('moving after a restart starts a new line of play', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    const g = () => store.getState();
    g().play('ll');
    g().restart();
    g().move('r');
    // The moves before the restart are not lost: they are a branch (issue #14).
    expect(g().histories['0']).toEqual({
      moves: 'r',
      cursor: 1,
      branches: [{ at: 0, tail: 'll' }],
    });
    g().undo();
    expect(g().undo()).toBe(false);
  });

  it('walks to a reachable square along a shortest path', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().walkTo(9)).toBe(true); // row 1, col 1
    const s = store.getState();
    expect(selectPosition(s)?.player).toBe(9);
    expect(selectMoveCount(s)).toBe(5); // |3-1| + |4-1|
    expect(selectPushCount(s)).toBe(0);
  });

  it('says so when the square cannot be reached', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().walkTo(0)).toBe(false); // a wall
    expect(store.getState().notice?.text).toMatch(/can't walk there/);
    expect(selectMoveCount(store.getState())).toBe(0);
  });

  it('pushes a box to a square with the fewest pushes', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().pushBox(18, 21)).toBe(true);
    const s = store.getState();
    expect(selectPosition(s)?.boxes).toEqual([21]);
    expect(selectPushCount(s)).toBe(3);
    expect(selectSolved(s)).toBe(true);
  });

  it('says so when a box cannot be pushed there', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().pushBox(18, 9)).toBe(true); // into the top-left corner
    const moves = selectMoveCount(store.getState());
    expect(store.getState().pushBox(9, 28)).toBe(false); // out of a corner needs a pull
    expect(store.getState().notice?.text).toMatch(/No way to push/);
    expect(selectMoveCount(store.getState())).toBe(moves);
  });

  it('applies pasted LURD, fixing the case and expanding RLE', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().applyLurd('2u 3l\nd')).toBe(true);
    expect(stats(store).lurd).toBe('uullld');
    expect(store.getState().applyLurd('rrr')).toBe(true);
    expect(stats(store)).toMatchObject({ lurd: 'uullldRRR', pushes: 3, solved: true });
    store.getState().load(TINY);
    expect(store.getState().applyLurd('l')).toBe(true);
    expect(stats(store)).toMatchObject({ lurd: 'L', solved: true });
  });

  it('stops pasted LURD at an illegal move, keeping the legal part and saying "move N is illegal"', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().applyLurd('uuu')).toBe(false);
    const s = store.getState();
    expect(s.alert?.source).toBe('moves');
    expect(s.alert?.message).toMatch(/move 3 is illegal/i);
    expect(selectPlayedMoves(s)).toBe('uu');
  });

  it('rejects text that is not LURD', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().applyLurd('lux')).toBe(false);
    expect(store.getState().alert?.message).toMatch(/not a move/);
    expect(selectMoveCount(store.getState())).toBe(0);
  });

  it('setMoves checks by replaying, seek moves the cursor', () => {
    const store = noStorage();
    store.getState().load(OPEN);
    expect(store.getState().setMoves('uuuu')).toBe(false);
    expect(store.getState().setMoves('uullldrrr', 0)).toBe(true);
    expect(selectMoveCount(store.getState())).toBe(0);
    expect(store.getState().seek(9)).toBe(true);
    expect(stats(store)).toMatchObject({ moves: 9, pushes: 3, lurd: 'uullldRRR', solved: true });
    store.getState().seek(99);
    expect(selectMoveCount(store.getState())).toBe(9);
  });
});

describe('game store: selectors', () => {
  it('selectPosition gives the same object for the same state, whatever was asked in between', () => {
    const a = noStorage();
    const b = noStorage();
    a.getState().load(OPEN);
    b.getState().load(OPEN);
    a.getState().play('ul');
    b.getState().play('uu');
    const first = selectPosition(a.getState());
    selectPosition(b.getState());
    expect(selectPosition(a.getState())).toBe(first);
    a.getState().restart();
    expect(selectPosition(a.getState())).toBe(selectPosition(a.getState()));
  });
});

describe('game store: collections', () => {
  it('keeps a history per level', () => {
    const store = noStorage();
    const g = () => store.getState();
    g().load(TWO_LEVELS);
    g().move('u');
    expect(g().nextLevel()).toBe(true);
    expect(selectLevel(g())?.title).toBe('Open');
    expect(selectMoveCount(g())).toBe(0);
    g().play('ll');
    expect(g().previousLevel()).toBe(true);
    expect(selectMoveCount(g())).toBe(1);
    expect(g().chooseLevel(1)).toBe(true);
    expect(selectPlayedMoves(g())).toBe('ll');
    expect(g().nextLevel()).toBe(false);
  });

  it('an unreadable level in a collection is marked, and choosing it alerts without leaving the game', () => {
    const store = noStorage();
    const g = () => store.getState();
    g().load(`${TINY}\nBroken\n#####\n#@ ##\n#####\n\n${OPEN}`);
    expect(g().entries).toHaveLength(3);
    expect(g().notice?.text).toMatch(/1 of 3 levels could not be read/);
    expect(g().chooseLevel(1)).toBe(false);
    expect(g().alert?.message).toMatch(/^Level 2 \(Broken\), line \d+: No boxes/);
    expect(g().currentIndex).toBe(0);
    expect(g().nextLevel()).toBe(true); // skips the broken one
    expect(g().currentIndex).toBe(2);
  });

  it('picks the Boxoban board under "; 53" by its title', () => {
    const text = boxobanFile(100);
    const store = noStorage();
    const g = () => store.getState();
    expect(g().load(text)).toBe(true);
    expect(g().entries).toHaveLength(100);
    expect(
      g()
        .entries.map((e) => e.title)
        .slice(0, 3),
    ).toEqual(['0', '1', '2']);
    expect(g().goToLevel('53')).toBe(true);
    expect(g().currentIndex).toBe(53);
    const chosen = selectLevel(g())!;
    // The board printed back equals the 10 lines under "; 53" in the file.
    const lines = text.split('\n');
    const at = lines.indexOf('; 53');
    expect(printBoard(chosen)).toBe(
      lines
        .slice(at + 1, at + 11)
        .join('\n')
        .replace(/ +$/gm, ''),
    );
    const neighbours = parseCollection(text);
    if (!neighbours.ok) throw new Error('fixture does not parse');
    for (const i of [52, 54]) {
      const e = neighbours.entries[i];
      expect(e?.ok && sameBoard(e.level, chosen)).toBe(false);
    }
  });

  it('goToLevel falls back to a 1-based number, and says when nothing matches', () => {
    const store = noStorage();
    const g = () => store.getState();
    g().load(TWO_LEVELS);
    expect(g().goToLevel('2')).toBe(true);
    expect(selectLevel(g())?.title).toBe('Open');
    expect(g().goToLevel('7')).toBe(false);
    expect(g().notice?.text).toMatch(/No level "7"/);
  });
});

/** A save in the layout before text slots: the text under NAME:text, the rest under NAME. */
function legacySave(storage: MemoryStorage, text: string, histories: Record<string, unknown>) {
  storage.setItem(`${STORAGE_KEY}:text`, text);
  storage.setItem(
    STORAGE_KEY,
    JSON.stringify({ version: STORE_VERSION, state: { draft: null, currentIndex: 0, histories } }),
  );
}

describe('game store: persistence', () => {
  it('restores the text, the chosen level and every level’s moves', () => {
    const storage = new MemoryStorage();
    const a = createGameStore({ getStorage: () => storage });
    a.getState().load(TWO_LEVELS);
    a.getState().move('u');
    a.getState().nextLevel();
    a.getState().play('ll');
    a.getState().undo();
    a.getState().setDraft('draft text');
    const b = createGameStore({ getStorage: () => storage });
    const s = b.getState();
    expect(s.text).toBe(TWO_LEVELS);
    expect(s.draft).toBe('draft text');
    expect(s.currentIndex).toBe(1);
    expect(s.histories).toEqual({
      '0': { moves: 'u', cursor: 1 },
      '1': { moves: 'll', cursor: 1 },
    });
    expect(s.notice).toBeNull();
  });

  it('restores the branches, and drops saved branches that do not replay or do not fit', () => {
    const storage = new MemoryStorage();
    const a = createGameStore({ getStorage: () => storage });
    a.getState().load(OPEN);
    a.getState().play('lll');
    a.getState().seek(1);
    a.getState().move('u'); // line lu, branch ll after move 1
    const saved = { moves: 'lu', cursor: 2, branches: [{ at: 1, tail: 'll' }] };
    expect(createGameStore({ getStorage: () => storage }).getState().histories['0']).toEqual(saved);

    const raw = JSON.parse(storage.getItem(STORAGE_KEY)!) as {
      state: { histories: Record<string, unknown> };
    };
    raw.state.histories['0'] = {
      ...saved,
      branches: [
        { at: 1, tail: 'll' },
        { at: 1, tail: 'uuuuuuuu' }, // walks into the wall
        { at: 9, tail: 'l' }, // past the line's end
        { at: 0, tail: 'x' },
        'not a branch',
      ],
    };
    storage.setItem(STORAGE_KEY, JSON.stringify(raw));
    const b = createGameStore({ getStorage: () => storage }).getState();
    expect(b.histories['0']).toEqual(saved);
    expect(b.notice?.text).toBe('Some saved moves could not be replayed and were dropped.');
    expect(b.returnToBranch(0)).toBe(true);
  });

  it('stores the collection text apart, written only when it changes', () => {
    const storage = new MemoryStorage();
    const store = createGameStore({ getStorage: () => storage });
    store.getState().load(OPEN);
    let writes = 0;
    const original = storage.setItem.bind(storage);
    storage.setItem = (k, v) => {
      if (k.startsWith(`${STORAGE_KEY}:text`)) writes++;
      original(k, v);
    };
    store.getState().move('l');
    store.getState().move('r');
    expect(writes).toBe(0);
    const slot = (JSON.parse(storage.getItem(STORAGE_KEY)!) as { state: { textSlot: string } })
      .state.textSlot;
    expect(storage.getItem(`${STORAGE_KEY}:text.${slot}`)).toBe(OPEN);
  });

  it('a failed state write never pairs the new text with the old histories', () => {
    const storage = new MemoryStorage();
    const a = createGameStore({ getStorage: () => storage });
    a.getState().load(TWO_LEVELS);
    a.getState().move('u');
    const original = storage.setItem.bind(storage);
    storage.setItem = (k, v) => {
      if (k === STORAGE_KEY) throw new DOMException('full', 'QuotaExceededError');
      original(k, v);
    };
    a.getState().load(OPEN); // the text is written to the free slot, the state write fails
    storage.setItem = original;
    const s = createGameStore({ getStorage: () => storage }).getState();
    expect(s.text).toBe(TWO_LEVELS);
    expect(s.histories).toEqual({ '0': { moves: 'u', cursor: 1 } });
  });

  it('tells the player when the storage is full, and saves the game without the draft', async () => {
    const storage = new MemoryStorage();
    const store = createGameStore({ getStorage: () => storage });
    store.getState().load(OPEN);
    store.getState().setDraft('a draft');
    expect(storage.getItem(`${STORAGE_KEY}:draft`)).toBe('a draft');
    const original = storage.setItem.bind(storage);
    // Full unless the draft is given up.
    storage.setItem = (k, v) => {
      if (k === STORAGE_KEY && storage.getItem(`${STORAGE_KEY}:draft`) !== null)
        throw new DOMException('full', 'QuotaExceededError');
      original(k, v);
    };
    store.getState().move('l');
    await Promise.resolve();
    expect(store.getState().notice?.text).toMatch(/storage is full.*Level box is not saved/);
    const saved = createGameStore({ getStorage: () => storage }).getState();
    expect(saved.histories).toEqual({ '0': { moves: 'l', cursor: 1 } });
  });

  it('does not save a draft over the size limit, and says so once', async () => {
    const storage = new MemoryStorage();
    const store = createGameStore({ getStorage: () => storage });
    store.getState().load(OPEN);
    store.getState().setDraft('#'.repeat(1_000_001));
    await Promise.resolve();
    expect(store.getState().notice?.text).toMatch(
      /1,000,001 characters.*will not survive a reload/,
    );
    store.getState().dismissNotice();
    store.getState().move('l');
    await Promise.resolve();
    expect(store.getState().notice).toBeNull();
    expect(storage.getItem(`${STORAGE_KEY}:draft`)).toBeNull();
    const saved = createGameStore({ getStorage: () => storage }).getState();
    expect(saved.draft).toBe(OPEN);
    expect(saved.histories).toEqual({ '0': { moves: 'l', cursor: 1 } });
  });

  it('clamps a tampered save: negative restartedFrom, cursor past the moves, odd keys', () => {
    const storage = new MemoryStorage();
    legacySave(storage, OPEN, {
      '0': { moves: 'll', cursor: 0, restartedFrom: -2 },
      '00': { moves: 'l', cursor: 1 },
      ['__proto__']: { moves: 'l', cursor: 1 },
    });
    const store = createGameStore({ getStorage: () => storage });
    expect(store.getState().histories).toEqual({ '0': { moves: 'll', cursor: 0 } });
    expect(store.getState().notice?.text).toMatch(/dropped/);
    store.getState().undo();
    expect(selectHistory(store.getState()).cursor).toBe(0);
    store.getState().move('l');
    expect(selectHistory(store.getState())).toEqual({ moves: 'll', cursor: 1 });
  });

  it('keeps a saved text that no longer reads in the Level box, with a notice', () => {
    const storage = new MemoryStorage();
    const hostile = '#' + '('.repeat(20_000);
    legacySave(storage, hostile, {});
    const s = createGameStore({ getStorage: () => storage }).getState();
    expect(selectLevel(s)).not.toBeNull();
    expect(s.draft).toBe(hostile);
    expect(s.notice?.text).toMatch(/could not be read.*nested more than 100 deep.*Level box/);
  });

  it('drops corrupt data with a notice, never a crash', () => {
    for (const junk of [
      '{not json',
      '42',
      'null',
      '{"version":1}',
      '{"version":1,"state":{"text":5}}',
      '{"version":1,"state":{"text":"","draft":null,"currentIndex":0,"histories":{}}}',
    ]) {
      const storage = new MemoryStorage();
      storage.setItem(STORAGE_KEY, junk);
      const store = createGameStore({ getStorage: () => storage });
      const s = store.getState();
      expect(selectLevel(s)).not.toBeNull();
      if (junk !== 'null') expect(s.notice?.text, junk).toMatch(/could not be read|discarded/);
    }
  });

  it('drops data from another version with a notice', () => {
    const storage = new MemoryStorage();
    storage.setItem(
      STORAGE_KEY,
      JSON.stringify({
        version: STORE_VERSION + 1,
        state: { text: OPEN, draft: null, currentIndex: 0, histories: {} },
      }),
    );
    storage.setItem(`${STORAGE_KEY}:text`, OPEN);
    const s = createGameStore({ getStorage: () => storage }).getState();
    expect(s.notice?.text).toMatch(/another version/);
    expect(s.text).not.toBe(OPEN);
  });

  it('cuts stored moves that no longer replay to their legal part, with a notice', () => {
    const storage = new MemoryStorage();
    legacySave(storage, OPEN, {
      '0': { moves: 'uuuu', cursor: 4 },
      '7': { moves: 'l', cursor: 1 },
    });
    const s = createGameStore({ getStorage: () => storage }).getState();
    expect(s.text).toBe(OPEN);
    expect(s.histories).toEqual({ '0': { moves: 'uu', cursor: 2 } });
    expect(s.notice?.text).toMatch(/could not be replayed/);
  });

  it('keeps playing when the storage refuses to write', () => {
    const storage = new MemoryStorage();
    storage.setItem = () => {
      throw new Error('QuotaExceededError');
    };
    const store = createGameStore({ getStorage: () => storage });
    store.getState().load(TINY);
    expect(store.getState().move('l')).toBe(true);
    expect(selectSolved(store.getState())).toBe(true);
  });
});

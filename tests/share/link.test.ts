import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { parseLevel } from '../../src/sokoban/parse';
import { replay } from '../../src/sokoban/rules';
import { printBoard } from '../../src/sokoban/print';
import type { Level } from '../../src/sokoban/level';
import {
  COMPRESSED_TAG,
  MAX_FRAGMENT_LENGTH,
  MAX_LINK_MOVES,
  MAX_PAYLOAD_BYTES,
  READABLE_TAG,
  decodeShare,
  encodeShare,
  openShare,
} from '../../src/share/link';
import { decodeText, encodeText } from '../../src/share/payload';
import { deflateRaw } from '../../src/share/deflate';
import { fromBase64url, toBase64url } from '../../src/share/base64url';
import { BOXOBAN_SIZE_BOARD } from '../fixtures/levels';
import {
  arbitraryLevelWithLegalMoves,
  arbitraryMoves,
  arbitraryShareLevel,
  arbitraryTitle,
} from './generate';

const BOXOBAN = BOXOBAN_SIZE_BOARD;

function level(text: string): Level {
  const r = parseLevel(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.level;
}

async function fragmentOf(content: { level: Level; moves?: string }): Promise<string> {
  const e = await encodeShare(content);
  if (!e.ok) throw new Error(e.message);
  return e.fragment;
}

/** Only characters that stay as they are in a URL fragment and survive chat apps. */
const URL_SAFE = /^[A-Za-z0-9\-_.~/%+]*$/;

describe('share link format', () => {
  it('writes a Boxoban-size level as a short readable link', async () => {
    const fragment = await fragmentOf({ level: level(BOXOBAN) });
    const link = `https://example.github.io/sokoban-playground/#${fragment}`;
    console.log(
      `Boxoban-size link: fragment ${fragment.length} chars, whole link ${link.length}: ${link}`,
    );
    expect(fragment).toBe(
      '1r~10W/4W--4W/4W-b-3W/W.--bp--WW/WW-W-WW--W/W--.--b.-W/W.-b-WW-WW/3W3-4W/10W/10W',
    );
    expect(fragment.length).toBeLessThanOrEqual(130);
    // With a title and a few moves it still fits a chat line.
    const withTitle = await fragmentOf({
      level: { ...level(BOXOBAN), title: 'Boxoban-size 1' },
      moves: 'lLLrrdDDL',
    });
    console.log(`with title and moves (${withTitle.length} chars): #${withTitle}`);
    expect(withTitle.length).toBeLessThanOrEqual(130);
  });

  it('any 10×10 level without title fits in 112 characters (10 rows of at most 10, 9 slashes, the tag)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryShareLevel(10), async (lvl) => {
        const fragment = await fragmentOf({ level: { ...lvl, title: '', author: '' } });
        expect(fragment.length).toBeLessThanOrEqual(3 + 10 * 10 + 9);
      }),
      { numRuns: 200 },
    );
  });

  it('uses only URL-safe characters and never ends with a dot', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbitraryShareLevel(20),
        fc.stringMatching(/^[lurdLURD]{0,50}$/),
        async (lvl, moves) => {
          const fragment = await fragmentOf({ level: lvl, moves });
          expect(fragment).toMatch(URL_SAFE);
          expect(fragment.endsWith('.')).toBe(false);
          expect(
            fragment.startsWith(`${READABLE_TAG}~`) || fragment.startsWith(`${COMPRESSED_TAG}~`),
          ).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('compresses big levels and long move strings, and keeps small ones readable', async () => {
    const small = await encodeShare({ level: level(BOXOBAN) });
    expect(small.ok && small.format).toBe('readable');
    const moves = 'lurdLURD'.repeat(500);
    const big = await encodeShare({ level: level(BOXOBAN), moves });
    expect(big.ok && big.format).toBe('compressed');
    if (big.ok) expect(big.fragment.length).toBeLessThan(200); // 4000 periodic moves compress well
  });

  it('title encoding is form-style percent encoding of UTF-8', () => {
    expect(encodeText('Boxoban 53')).toBe('Boxoban+53');
    expect(encodeText('a+b~c')).toBe('a%2Bb%7Ec');
    expect(encodeText('é')).toBe('%C3%A9');
    expect(decodeText('Boxoban+53')).toBe('Boxoban 53');
    expect(decodeText('%E2%82')).toBe('\uFFFD'); // a cut UTF-8 sequence is not a crash
    expect(decodeText('%E')).toBeNull();
    // A lone surrogate is not text; it is written as U+FFFD rather than failing.
    expect(decodeText(encodeText('a\uD800b'))).toBe('a\uFFFDb');
  });

  it('base64url round-trips any bytes and refuses what is not base64url', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(fromBase64url(toBase64url(bytes))).toEqual(bytes);
      }),
    );
    expect(fromBase64url('ab=')).toBeNull();
    expect(fromBase64url('a')).toBeNull();
    expect(fromBase64url('a+b/')).toBeNull();
  });
});

describe('decode(encode(x)) = x', () => {
  it('for generated levels up to 60×60 with any titles and authors, and moves up to 10,000', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryShareLevel(60), arbitraryMoves(10_000), async (lvl, moves) => {
        const fragment = await fragmentOf({ level: lvl, moves });
        const decoded = await decodeShare(fragment);
        expect(decoded).toEqual(moves ? { ok: true, level: lvl, moves } : { ok: true, level: lvl });
        // Opened from a real URL the fragment comes with its '#'.
        expect(await decodeShare('#' + fragment)).toEqual(decoded);
      }),
      { numRuns: 120 },
    );
  });

  it('a 10,000-move string round-trips', async () => {
    const lvl = level(BOXOBAN);
    const moves = fc
      .sample(
        fc.array(fc.constantFrom('l', 'u', 'r', 'd', 'L', 'U', 'R', 'D'), {
          minLength: 10_000,
          maxLength: 10_000,
        }),
        { numRuns: 1, seed: 5 },
      )[0]!
      .join('');
    const e = await encodeShare({ level: lvl, moves });
    expect(e.ok).toBe(true);
    if (!e.ok) return;
    console.log(`10,000 random moves: ${e.format} link of ${e.fragment.length} chars`);
    expect(await decodeShare(e.fragment)).toEqual({ ok: true, level: lvl, moves });
  });

  it('titles of every kind come back unchanged (no HTML interpretation anywhere)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryTitle, async (title) => {
        const lvl = { ...level(BOXOBAN), title };
        expect(await decodeShare(await fragmentOf({ level: lvl }))).toEqual({
          ok: true,
          level: lvl,
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('openShare: replaying the moves', () => {
  it('opens legal moves with their case fixed by replay', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryLevelWithLegalMoves(), async ({ level: lvl, moves }) => {
        const opened = await openShare(
          await fragmentOf({ level: lvl, moves: moves.toLowerCase() }),
        );
        expect(opened).toEqual(moves ? { ok: true, level: lvl, moves } : { ok: true, level: lvl });
        if (opened.ok && opened.moves)
          expect(
            replay(lvl, { player: lvl.player, boxes: lvl.boxes }, opened.moves).error,
          ).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses a link whose moves cannot be played', async () => {
    const lvl = level('#####\n#@$.#\n#####');
    const opened = await openShare(await fragmentOf({ level: lvl, moves: 'Rr' }));
    expect(opened).toEqual({
      ok: false,
      message: "This link's moves do not fit its level: move 2 is illegal.",
    });
    // decodeShare alone checks only the format.
    expect((await decodeShare(await fragmentOf({ level: lvl, moves: 'Rr' }))).ok).toBe(true);
  });
});

describe('broken and hostile links', () => {
  const failsWith = async (fragment: string, pattern: RegExp) => {
    const d = await decodeShare(fragment);
    expect(d.ok).toBe(false);
    if (!d.ok) expect(d.message).toMatch(pattern);
  };

  it('gives a clear message for each kind of damage', async () => {
    await failsWith('', /not a level link/);
    await failsWith('hello', /not a level link/);
    await failsWith('2r~10W', /newer format \("2r"\)/);
    await failsWith('9z~abc', /newer format/);
    await failsWith('1r~', /holds no level/);
    await failsWith('1r~4W/WpbW/4W', /level is invalid: Boxes and goals differ/);
    await failsWith('1r~4W/W-b.W/4W', /level is invalid: No player/);
    await failsWith('1r~5W/Wpb.W/W-', /level is invalid: The level is not closed/);
    await failsWith('1r~5W/Wp<b.W/5W', /"<" is not a board character/);
    await failsWith('1r~5W/Wpb.W/5W~tab%2', /title is damaged/);
    await failsWith('1r~5W/Wpb.W/5W~tA~tB', /appears twice/);
    await failsWith('1r~5W/Wpb.W/5W~mRx', /moves are damaged/);
    await failsWith('1r~5W/Wpb.W/5W~m3', /moves are damaged/);
    await failsWith('1z~', /not valid base64url/);
    await failsWith('1z~a', /not valid base64url/);
    await failsWith('1z~!!!!', /not valid base64url/);
    await failsWith('1z~AAAA', /cannot be unpacked/);
  });

  it('refuses oversized input before doing the work', async () => {
    await failsWith('1r~' + 'W'.repeat(MAX_FRAGMENT_LENGTH), /too long to open/);
    await failsWith('1r~' + 'W'.repeat(MAX_PAYLOAD_BYTES + 1), /holds too much/);
    await failsWith(
      `1r~5W/Wpb.W/5W~m${MAX_LINK_MOVES + 1}r`,
      /moves are damaged: the expanded text is longer/,
    );
    // A 10^9-cell run must not be expanded.
    await failsWith('1r~999999999W', /level is invalid/);
  });

  it('stops inflating a zip bomb at the cap, quickly', async () => {
    // 100 MB of zeros deflate to about 100 KB: a fragment of 130 K characters.
    const bomb = await deflateRaw(new Uint8Array(100_000_000));
    const fragment = `1z~${toBase64url(bomb)}`;
    expect(fragment.length).toBeLessThan(MAX_FRAGMENT_LENGTH);
    const started = performance.now();
    await failsWith(fragment, /holds too much/);
    const ms = performance.now() - started;
    console.log(
      `zip bomb (${fragment.length} chars, 100 MB inside) refused in ${ms.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(2000);
  });

  it('refuses a compressed payload that is not text or not a level', async () => {
    const notText = toBase64url(await deflateRaw(new Uint8Array([0xff, 0xfe, 0x00])));
    await failsWith(`1z~${notText}`, /not text/);
    const notLevel = toBase64url(
      await deflateRaw(new TextEncoder().encode('<script>alert(1)</script>')),
    );
    await failsWith(`1z~${notLevel}`, /not a board character/);
  });

  it('never throws, whatever the string', async () => {
    const check = async (s: string) => {
      const d = await decodeShare(s);
      expect(typeof d.ok).toBe('boolean');
      if (!d.ok) expect(d.message.length).toBeGreaterThan(0);
    };
    await fc.assert(fc.asyncProperty(fc.string(), check), { numRuns: 300 });
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary' }), check), { numRuns: 300 });
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: fc.constantFrom(...'0123456789WpPbB.-/~tam%+lurdLURD()') }),
        (s) => check(`1r~${s}`),
      ),
      { numRuns: 500 },
    );
    await fc.assert(
      fc.asyncProperty(fc.base64String(), (s) =>
        check(`1z~${s.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}`),
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), (bytes) =>
        check(`1z~${toBase64url(bytes)}`),
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.stringMatching(/^[0-9]{1,3}[a-z]?$/), fc.string(), (tag, rest) =>
        check(`${tag}~${rest}`),
      ),
      { numRuns: 200 },
    );
  });

  it('every truncation of a valid link fails cleanly or yields a valid level', async () => {
    const lvl = { ...level(BOXOBAN), title: 'Boxoban-size – «ü» 😀' };
    for (const moves of ['', 'lllddrrUU', 'lurdLURD'.repeat(200)]) {
      const fragment = await fragmentOf({ level: lvl, moves });
      for (let cut = 0; cut < fragment.length; cut++) {
        const d = await decodeShare(fragment.slice(0, cut));
        if (d.ok) expect(parseLevel(printBoard(d.level)).ok).toBe(true);
        else expect(d.message).not.toBe('This link could not be read.');
      }
    }
  });
});

describe('links altered on the way', () => {
  it('reads board and moves that a browser or chat app percent-escaped', async () => {
    const plain = await decodeShare('1r~5W/Wpb.W/5W~mR');
    expect(plain.ok).toBe(true);
    expect(await decodeShare('1r~5W%2FWpb.W%2F5W~m%52')).toEqual(plain);
    const d = await decodeShare('1r~5W/Wp%3Cb.W/5W');
    expect(!d.ok && d.message).toMatch(/"<" is not a board character/);
  });
});

describe('without CompressionStream (an old browser)', () => {
  it('still shares, readable, and says why a compressed link cannot be opened', async () => {
    const lvl = level(BOXOBAN);
    const moves = 'lurdLURD'.repeat(100);
    const compressed = await fragmentOf({ level: lvl, moves });
    expect(compressed.startsWith('1z~')).toBe(true);
    vi.stubGlobal('CompressionStream', undefined);
    vi.stubGlobal('DecompressionStream', undefined);
    try {
      const e = await encodeShare({ level: lvl, moves });
      expect(e.ok && e.format).toBe('readable');
      if (e.ok) expect(await decodeShare(e.fragment)).toEqual({ ok: true, level: lvl, moves });
      const d = await decodeShare(compressed);
      expect(!d.ok && d.message).toMatch(/cannot unpack compressed links/);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

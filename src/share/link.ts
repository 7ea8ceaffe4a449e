/**
 * Share links: a level, and if wanted a move string, in a URL fragment. No server, no storage:
 * everything the link opens is in the link.
 *
 * A fragment starts with a version tag, so that later formats stay readable:
 *
 *   1r~<payload>               readable (see payload.ts), used while it is short
 *   1z~<base64url(deflate-raw(UTF-8 payload))>   compressed, for big levels and long moves
 *
 * e.g. `#1r~7W/W.-b-pW/7W~tA+tiny+one`.
 *
 * Links are hostile input. Limits are checked before any heavy work: the fragment's length
 * first, then the unpacked payload's size (inflating stops as soon as it passes the cap), then
 * the moves' length after their run counts. Decoding never throws; every failure is a message.
 * Compression goes through the platform's CompressionStream, which is asynchronous, so both
 * directions return promises.
 */
import { type Level } from '../sokoban/level';
import { replay } from '../sokoban/rules';
import { fromBase64url, toBase64url } from './base64url';
import { deflateRaw, inflateRawBounded } from './deflate';
import { MAX_LINK_MOVES, parsePayload, printPayload } from './payload';
import { countText } from '../sokoban/count-text';

export { MAX_LINK_MOVES } from './payload';

/** A fragment longer than this is refused before anything else is looked at. */
export const MAX_FRAGMENT_LENGTH = 200_000;
/** The payload (after unpacking) may hold at most this many bytes. */
export const MAX_PAYLOAD_BYTES = 65_536;
/** A readable link up to this length is kept readable even when compression would be shorter. */
export const READABLE_LINK_LENGTH = 256;

export const READABLE_TAG = '1r';
export const COMPRESSED_TAG = '1z';

export interface ShareContent {
  readonly level: Level;
  /** LURD moves from the level's start; empty or absent for a level-only link. */
  readonly moves?: string;
}

export type ShareEncoding =
  | { readonly ok: true; readonly fragment: string; readonly format: 'readable' | 'compressed' }
  | { readonly ok: false; readonly message: string };

export type ShareDecoding =
  | { readonly ok: true; readonly level: Level; readonly moves?: string }
  | { readonly ok: false; readonly message: string };

const encoder = new TextEncoder();

/**
 * The fragment (without `#`) for a level and optional moves. Fails only when the content is
 * too big for a link (a huge title, or more than MAX_LINK_MOVES moves) or the moves are not LURD.
 */
export async function encodeShare(content: ShareContent): Promise<ShareEncoding> {
  const moves = content.moves ?? '';
  if (!/^[lurdLURD]*$/.test(moves))
    return { ok: false, message: 'The moves to share are not a LURD string.' };
  if (moves.length > MAX_LINK_MOVES) {
    return {
      ok: false,
      message: `Too many moves to share (${countText(moves.length)}; the limit is ${countText(MAX_LINK_MOVES)}).`,
    };
  }
  const payload = printPayload(content.level, moves);
  const bytes = encoder.encode(payload);
  if (bytes.length > MAX_PAYLOAD_BYTES) {
    return {
      ok: false,
      message: `This is too big to share as a link (${countText(bytes.length)} bytes; the limit is ${countText(MAX_PAYLOAD_BYTES)}).`,
    };
  }
  const readable = `${READABLE_TAG}~${payload}`;
  if (readable.length <= READABLE_LINK_LENGTH)
    return { ok: true, fragment: readable, format: 'readable' };
  let compressed: string;
  try {
    compressed = `${COMPRESSED_TAG}~${toBase64url(await deflateRaw(bytes))}`;
  } catch {
    // No CompressionStream (an old browser): a longer link is still a working link.
    return { ok: true, fragment: readable, format: 'readable' };
  }
  return compressed.length < readable.length
    ? { ok: true, fragment: compressed, format: 'compressed' }
    : { ok: true, fragment: readable, format: 'readable' };
}

/**
 * Reads a fragment (with or without its leading `#`). Checks the format and the level (with the
 * level parser, whose message is passed on) and the moves' syntax; it does not replay the moves,
 * so encoding and decoding stay a pure round trip. `openShare` adds the replay.
 */
export async function decodeShare(fragment: string): Promise<ShareDecoding> {
  try {
    return await decodeUnguarded(fragment);
  } catch {
    // Nothing above is meant to throw; this only keeps a bug from breaking the page.
    return { ok: false, message: 'This link could not be read.' };
  }
}

async function decodeUnguarded(fragment: string): Promise<ShareDecoding> {
  if (fragment.length > MAX_FRAGMENT_LENGTH) {
    return {
      ok: false,
      message: `This link is too long to open (${countText(fragment.length)} characters; the limit is ${countText(MAX_FRAGMENT_LENGTH)}).`,
    };
  }
  const text = fragment.trim().replace(/^#/, '');
  const sep = text.indexOf('~');
  const tag = sep < 0 ? text : text.slice(0, sep);
  const body = sep < 0 ? '' : text.slice(sep + 1);

  if (tag === READABLE_TAG) {
    if (body.length > MAX_PAYLOAD_BYTES) return tooBig(body.length);
    return parsePayload(body);
  }
  if (tag === COMPRESSED_TAG) {
    if (typeof DecompressionStream === 'undefined') {
      return {
        ok: false,
        message:
          'This browser cannot unpack compressed links (it has no DecompressionStream); try a current browser.',
      };
    }
    const packed = fromBase64url(body);
    if (!packed || packed.length === 0)
      return {
        ok: false,
        message: 'This link is damaged: its data is not valid base64url (was it cut short?).',
      };
    const inflated = await inflateRawBounded(packed, MAX_PAYLOAD_BYTES);
    if (!inflated.ok) {
      return inflated.reason === 'too-large'
        ? tooBig()
        : {
            ok: false,
            message:
              'This link is damaged: its compressed data cannot be unpacked (was it cut short?).',
          };
    }
    let payload: string;
    try {
      payload = new TextDecoder('utf-8', { fatal: true }).decode(inflated.bytes);
    } catch {
      return { ok: false, message: 'This link is damaged: its unpacked data is not text.' };
    }
    return parsePayload(payload);
  }
  const version = /^(\d{1,6})[a-z]$/.exec(tag);
  if (version && Number(version[1]) > 1) {
    return {
      ok: false,
      message: `This link uses a newer format ("${tag}") than this page knows (format 1). Open it in an up-to-date Sokoban Playground.`,
    };
  }
  return {
    ok: false,
    message: `This is not a level link: it should start with "${READABLE_TAG}~" or "${COMPRESSED_TAG}~".`,
  };
}

function tooBig(size?: number): ShareDecoding {
  const what =
    size === undefined
      ? `more than ${countText(MAX_PAYLOAD_BYTES)} bytes`
      : `${countText(size)} bytes`;
  return {
    ok: false,
    message: `This link holds too much (${what} once unpacked; the limit is ${countText(MAX_PAYLOAD_BYTES)}).`,
  };
}

/**
 * Decodes a fragment and replays its moves on its level: what the app opens. The moves come
 * back with their case fixed by the replay; a move that cannot be played refuses the whole
 * link (a half-applied replay would show something the sender never sent).
 */
export async function openShare(fragment: string): Promise<ShareDecoding> {
  const decoded = await decodeShare(fragment);
  if (!decoded.ok || !decoded.moves) return decoded;
  const played = replay(
    decoded.level,
    { player: decoded.level.player, boxes: decoded.level.boxes },
    decoded.moves,
  );
  if (played.error)
    return {
      ok: false,
      message: `This link's moves do not fit its level: ${played.error.message}.`,
    };
  return { ok: true, level: decoded.level, moves: played.moves };
}

/** Reading a collection file for the command line: every failure is one line of text. */
import { readFileSync, statSync } from 'node:fs';
import { type LevelEntry, MAX_TEXT_LENGTH, errorMessage, parseCollection } from '../sokoban';
import { describeLevelError } from '../solver/report';
import { countText } from '../sokoban/count-text';

export { describeLevelError };

/** UTF-8 takes at most 4 bytes a character: a larger file is over MAX_TEXT_LENGTH for sure. */
const MAX_FILE_BYTES = MAX_TEXT_LENGTH * 4;

/** Reads a file as UTF-8, refusing one too large to be a collection before reading it. */
function readTextFile(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_FILE_BYTES) {
    throw Object.assign(
      new Error(
        `it is too large (${countText(size)} bytes; a collection holds at most ${countText(MAX_TEXT_LENGTH)} characters)`,
      ),
      { code: 'EFBIG' },
    );
  }
  return readFileSync(path, 'utf8');
}

export type CollectionRead =
  | { readonly ok: true; readonly entries: readonly LevelEntry[] }
  | { readonly ok: false; readonly message: string };

/** A file's text, or one line saying why it cannot be read. */
export function readText(
  path: string,
  read: (path: string) => string = readTextFile,
): { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string } {
  try {
    return { ok: true, text: read(path) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : errorMessage(error);
    return { ok: false, message: `cannot read ${path}: ${why}` };
  }
}

export function readCollection(
  path: string,
  read: (path: string) => string = readTextFile,
): CollectionRead {
  const file = readText(path, read);
  if (!file.ok) return file;
  const parsed = parseCollection(file.text);
  if (!parsed.ok) return { ok: false, message: `${path}: ${describeLevelError(parsed.error)}` };
  return { ok: true, entries: parsed.entries };
}

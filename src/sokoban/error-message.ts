/**
 * The text of a caught value, for messages shown to the user or sent across a worker boundary.
 * `catch` receives `unknown`: usually an Error, but a library or a worker may throw a string or
 * anything else, and the message must never itself throw or read "[object Object]" by accident.
 * Lives in the bottom layer so that every layer may import it.
 */

/** The error's message; a thrown non-Error as `String(value)`. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * `Name: message` for an Error (`RangeError: Invalid array length`), where the kind of error
 * matters to whoever reads it (an engine crash reported from a worker); a non-Error as
 * `String(value)`.
 */
export function errorNameAndMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

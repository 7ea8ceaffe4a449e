/** Share links: a level (and moves) in a URL fragment. Pure TypeScript, no React. */
export * from './link';
export { encodeText, decodeText, boardCode } from './payload';
export { levelText, singleLine } from './level-text';

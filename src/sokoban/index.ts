/** The game, pure TypeScript: no DOM, no React. A researcher can import this from Node. */
export * from './level';
export * from './direction';
export * from './rle';
export * from './parse';
export * from './print';
export * from './lurd';
export * from './rules';
export * from './path-finding';
export * from './box-destinations';
export * from './actions';
export * from './episode';
export * from './episode-file';
export * from './episode-report';
export * from './error-message';
export * from './count-text';

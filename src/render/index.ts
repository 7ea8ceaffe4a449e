/** Canvas rendering: plain functions, no React. */
export * from './board';
export * from './geometry';
export * from './theme';
export * from './describe';
export * from './trim';

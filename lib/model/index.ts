export * from './record';
export * from './dates';
export * from './sections';
export * from './facts';
export * from './parse';

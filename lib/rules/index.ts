// The public API of lib/rules: the engine, its types, pack helpers and the pack registry.
// (testing.ts is for tests only: it imports vitest.)
export * from './types';
export * from './engine';
export * from './pack';
export * from './conditions';
export * from './packs';

export * from './reasons';
export * from './schema';
export * from './apply';

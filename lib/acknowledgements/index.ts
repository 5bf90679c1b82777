export * from './reasons';
export * from './schema';
export * from './apply';
export * from './exception-lines';

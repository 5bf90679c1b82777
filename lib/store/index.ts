export * from './db';
export * from './schema';
export * from './records';
export * from './notes';
export * from './acknowledgements';
export * from './tray';

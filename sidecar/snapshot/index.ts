export * from './schema.ts';
export * from './version.ts';

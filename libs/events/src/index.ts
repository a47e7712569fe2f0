export * from './catalogue';
export * from './envelope';
export * from './runtime-config';
export * from './ports';

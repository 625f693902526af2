export * from './grammar.ts';
export * from './counting.ts';

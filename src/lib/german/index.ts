export * from './grammar.ts';
export * from './counting.ts';
export { vonDative } from './articles.ts';

// The parts of the `jsonld` package (no types of its own) the tests use.
declare module 'jsonld' {
  interface Options {
    format?: 'application/n-quads';
    documentLoader?: (url: string) => Promise<never>;
    safe?: boolean;
  }
  const jsonld: {
    toRDF(input: object, options?: Options): Promise<string>;
    expand(input: object, options?: Options): Promise<Record<string, unknown>[]>;
  };
  export default jsonld;
}

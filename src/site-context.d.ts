declare module 'virtual:vertragswerk/site-context' {
  const context: import('./io/astro-config.ts').SiteContext;
  export default context;
}

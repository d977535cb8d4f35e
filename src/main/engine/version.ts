// Injected at build time by electron-vite's define; 'dev' when running from source (tests).
declare const __PACKSHOT_VERSION__: string | undefined;

export const VERSION: string =
  typeof __PACKSHOT_VERSION__ === 'string' ? __PACKSHOT_VERSION__ : 'dev';

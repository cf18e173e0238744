/** The package's version, baked into dist/cli.js (a test holds it equal to package.json's). */
export const VERSION = '1.0.0'

/** @deprecated until the rules import lib/shell.js directly (after the structure merge). */
export { commandWords, KEYWORD_PREFIX } from './shell.js';

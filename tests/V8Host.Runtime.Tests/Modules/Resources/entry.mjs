import { text } from './lib/helper.mjs';
export { text };
export const url = import.meta.url;

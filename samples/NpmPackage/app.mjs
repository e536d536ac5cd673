// Runs inside V8Host: bare specifiers resolve through ./node_modules, as in Node.
import dayjs from 'dayjs';
import { marked } from 'marked';
import versions from './versions.cjs';

const release = dayjs('2024-03-01').add(6, 'week');
export const summary = `Six weeks after 1 March 2024 is ${release.format('dddd D MMMM YYYY')}.`;
export const html = marked.parse('# Release notes\n\n* loaded **marked** from `node_modules`');
export const requiredVersion = versions.dayjs;

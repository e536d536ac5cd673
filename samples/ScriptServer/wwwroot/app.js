// Sends the textarea's script to POST /run and shows what came back. Everything shown is text the
// script controls, so it is set with textContent only: never parsed as HTML.
'use strict';

const script = document.getElementById('script');
const run = document.getElementById('run');
const status = document.getElementById('status');
const result = document.getElementById('result');
const error = document.getElementById('error');
const consoleList = document.getElementById('console');

async function runScript() {
  run.disabled = true;
  status.textContent = 'Running…';
  result.textContent = '';
  error.textContent = '';
  consoleList.replaceChildren();
  try {
    const response = await fetch('/run', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ script: script.value }),
    });
    const body = await response.json();
    for (const line of body.console) {
      const item = document.createElement('li');
      item.textContent = line;
      consoleList.append(item);
    }
    if (body.error) {
      const where = body.error.line == null ? '' : ` (line ${body.error.line})`;
      error.textContent = `${body.error.name}: ${body.error.message}${where}`;
    } else {
      result.textContent = JSON.stringify(body.result, null, 2);
    }
    status.textContent = response.ok ? 'Done' : `HTTP ${response.status}`;
  } catch (failure) {
    status.textContent = `The request failed: ${failure}`;
  } finally {
    run.disabled = false;
  }
}

run.addEventListener('click', runScript);
script.addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) runScript();
});

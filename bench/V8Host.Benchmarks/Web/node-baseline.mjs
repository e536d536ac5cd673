// Node's side of WebApiBenchmarks: runs web-apis-workload.js in Node's main realm (Node's own TextEncoder,
// URL, crypto.subtle) and prints the mean time per operation in nanoseconds as JSON, after a warm-up, so that
// V8 has optimized the hot loops as it has in the V8Host run.
import fs from 'node:fs';
import vm from 'node:vm';

const source = fs.readFileSync(new URL('./web-apis-workload.js', import.meta.url), 'utf8');
const ops = vm.runInThisContext(source);

async function measure(op) {
    for (let i = 0; i < 30; i++) await op();
    let calls = 0;
    const start = process.hrtime.bigint();
    let elapsed = 0n;
    do {
        await op();
        calls++;
        elapsed = process.hrtime.bigint() - start;
    } while (elapsed < 2_000_000_000n || calls < 30);
    return Number(elapsed) / calls;
}

const results = {};
for (const name of Object.keys(ops))
    results[name] = await measure(ops[name]);
console.log(JSON.stringify({ node: process.version, results }));

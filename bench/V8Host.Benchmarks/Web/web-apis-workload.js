// The Web API workload, evaluated as-is by V8Host (WebApiBenchmarks.cs) and by Node (node-baseline.mjs), so
// that both runtimes run exactly the same JavaScript. Its completion value is a table of operations.
(function () {
    'use strict';

    // 1 MiB of UTF-8: mostly ASCII, with the 2-, 3- and 4-byte sequences real text has.
    const unit = 'The quick brown fox jumps over the lazy dog. Grüße, café, naïve — 東京 😀 ';
    let text = '';
    while (new TextEncoder().encode(text).length < 1 << 20)
        text += unit;
    const bytes = new TextEncoder().encode(text);
    const encoder = new TextEncoder();
    const decoder = new TextDecoder();

    // URLs of the shapes servers and libraries parse: absolute, relative to a base, with query,
    // fragment, userinfo, port, IPv4/IPv6 hosts, percent-encoding.
    const base = 'https://example.com/api/v1/items?page=2';
    const inputs = [
        'https://user:pass@sub.example.com:8080/p/a/t/h?query=string#hash',
        '/search?q=caf%C3%A9&lang=fr',
        '../other/path/./file.html',
        'http://192.168.0.1:3000/health',
        'http://[2001:db8::1]/index',
        'https://example.org/a%20b/c?x=1&y=2&z=3',
        'file:///home/user/notes.txt',
        'mailto:someone@example.com',
    ];

    return {
        encode() {
            return encoder.encode(text).length;
        },
        decode() {
            return decoder.decode(bytes).length;
        },
        digest() {
            return crypto.subtle.digest('SHA-256', bytes).then((hash) => hash.byteLength);
        },
        urls() {
            let length = 0;
            for (let i = 0; i < 10000; i++)
                length += new URL(inputs[i & 7], base).href.length;
            return length;
        },
    };
})()

// atob and btoa (HTML): forgiving-base64 decode and base64 encode of "binary strings", whose code
// units are bytes. Failures are InvalidCharacterError DOMExceptions, as browsers throw.
(function (primordials, web) {
    'use strict';

    const { StringPrototypeCharCodeAt, Uint8Array } = primordials;
    const { idl } = web;

    const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    // code unit -> 6-bit value + 1 (0: not in the alphabet); typed-array writes never reach a prototype.
    const values = new Uint8Array(128);
    const digits = new Uint8Array(64);
    for (let i = 0; i < 64; i++) {
        values[StringPrototypeCharCodeAt(ALPHABET, i)] = i + 1;
        digits[i] = StringPrototypeCharCodeAt(ALPHABET, i);
    }

    function isAsciiWhitespace(unit) {
        return unit === 0x09 || unit === 0x0A || unit === 0x0C || unit === 0x0D || unit === 0x20;
    }

    function atob(data) {
        const context = idl.method('WindowOrWorkerGlobalScope', 'atob');
        idl.requireArguments(arguments.length, 1, context);
        const string = idl.toDOMString(data, idl.parameter(context, 1));
        // Forgiving-base64: drop ASCII whitespace, then at most two '=' that complete a quantum.
        const sextets = new Uint8Array(string.length);
        let count = 0;
        let padding = 0;
        for (let i = 0; i < string.length; i++) {
            const unit = StringPrototypeCharCodeAt(string, i);
            if (isAsciiWhitespace(unit))
                continue;
            if (unit === 0x3D) {
                padding++;
                continue;
            }
            const value = unit < 128 ? values[unit] : 0;
            if (value === 0 || padding > 0)
                throw web.domException(`${context}: The string to be decoded is not correctly encoded.`, 'InvalidCharacterError');
            sextets[count++] = value - 1;
        }
        if (padding > 2 || (padding > 0 && (count + padding) % 4 !== 0) || count % 4 === 1)
            throw web.domException(`${context}: The string to be decoded is not correctly encoded.`, 'InvalidCharacterError');
        const bytes = new Uint8Array((count * 3) >> 2);
        let written = 0;
        let i = 0;
        for (; i + 4 <= count; i += 4) {
            const bits = (sextets[i] << 18) | (sextets[i + 1] << 12) | (sextets[i + 2] << 6) | sextets[i + 3];
            bytes[written++] = bits >> 16;
            bytes[written++] = (bits >> 8) & 0xFF;
            bytes[written++] = bits & 0xFF;
        }
        if (count - i === 2) {
            bytes[written++] = (sextets[i] << 2) | (sextets[i + 1] >> 4);
        } else if (count - i === 3) {
            const bits = (sextets[i] << 10) | (sextets[i + 1] << 4) | (sextets[i + 2] >> 2);
            bytes[written++] = bits >> 8;
            bytes[written++] = bits & 0xFF;
        }
        return web.isomorphicDecode(bytes);
    }

    function btoa(data) {
        const context = idl.method('WindowOrWorkerGlobalScope', 'btoa');
        idl.requireArguments(arguments.length, 1, context);
        const string = idl.toDOMString(data, idl.parameter(context, 1));
        const length = string.length;
        const output = new Uint8Array(((length + 2) / 3 | 0) * 4);
        let written = 0;
        for (let i = 0; i < length; i += 3) {
            const a = StringPrototypeCharCodeAt(string, i);
            const b = i + 1 < length ? StringPrototypeCharCodeAt(string, i + 1) : 0;
            const c = i + 2 < length ? StringPrototypeCharCodeAt(string, i + 2) : 0;
            if (a > 0xFF || b > 0xFF || c > 0xFF)
                throw web.domException(`${context}: The string to be encoded contains characters outside of the Latin1 range.`, 'InvalidCharacterError');
            const bits = (a << 16) | (b << 8) | c;
            output[written++] = digits[bits >> 18];
            output[written++] = digits[(bits >> 12) & 0x3F];
            output[written++] = i + 1 < length ? digits[(bits >> 6) & 0x3F] : 0x3D;
            output[written++] = i + 2 < length ? digits[bits & 0x3F] : 0x3D;
        }
        return web.isomorphicDecode(output);
    }

    idl.exposeOperation('atob', atob);
    idl.exposeOperation('btoa', btoa);
})

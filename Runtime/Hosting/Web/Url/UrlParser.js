// The WHATWG URL Standard's basic URL parser, host parser and serializers, on captured intrinsics.
// A URL record is a UrlRecord; its host is kept serialized (a domain, "1.2.3.4", "[::1]", an opaque
// host, "" for the empty host, or null), and a non-opaque path is kept serialized too ("/a/b" for
// the segments ["a", "b"], "" for none), so that parsing builds strings by slicing the input and
// never grows arrays.
//
// The state machine walks UTF-16 code units: every delimiter is ASCII, input is a USVString, and
// runs between delimiters are sliced and percent-encoded a run at a time.
//
// `toAscii` is the one .NET function (UrlInstaller.cs): UTS #46 ToASCII of a domain, or null.
//
// Adds `web.urlParser`: parse(input, base) (a record or null), parseOverride(record, input, state),
// serialize(record, excludeFragment), the STATE_* overrides, pathname(record), origin(record),
// cannotHaveCredentialsOrPort(record), percentEncode, and for URLSearchParams.js the
// form-urlencoded parser and serializer and the prototype-less lists (newList, append).
(function (primordials, web, toAscii) {
    'use strict';

    const {
        FunctionPrototypeApply, NumberPrototypeToString, ObjectFreeze, ObjectSetPrototypeOf,
        StringFromCharCode, StringPrototypeCharCodeAt, StringPrototypeIndexOf, StringPrototypeLastIndexOf,
        StringPrototypeSlice, StringPrototypeToLowerCase, TypedArrayPrototypeSet, TypedArrayPrototypeGetBuffer,
        ArrayPrototypeJoin, ObjectDefineProperty,
        Uint8Array, Uint16Array, defineData, newList,
    } = primordials;

    const EOF = -1;

    // The glue's own lists (primordials newList) have no prototype: appending to one
    // (array[array.length] = value) cannot reach a setter a script put on Array.prototype[0].
    function append(list, value) {
        list[list.length] = value;
    }

    // ------------------------------------------------------------------ percent-encode sets
    // One bit per set for each ASCII code unit; every set also contains all code units >= 0x7F.
    const C0_SET = 1, FRAGMENT_SET = 2, QUERY_SET = 4, SPECIAL_QUERY_SET = 8, PATH_SET = 16, USERINFO_SET = 32, COMPONENT_SET = 64, FORM_SET = 128;
    const sets = new Uint8Array(128);
    (function buildSets() {
        function add(bits, chars) {
            for (let i = 0; i < chars.length; i++) {
                const c = StringPrototypeCharCodeAt(chars, i);
                sets[c] |= bits;
            }
        }
        for (let c = 0; c < 0x20; c++)
            sets[c] = C0_SET | FRAGMENT_SET | QUERY_SET | SPECIAL_QUERY_SET | PATH_SET | USERINFO_SET | COMPONENT_SET | FORM_SET;
        add(FRAGMENT_SET, ' "<>`');
        add(QUERY_SET | SPECIAL_QUERY_SET | PATH_SET | USERINFO_SET | COMPONENT_SET | FORM_SET, ' "#<>');
        add(SPECIAL_QUERY_SET, '\'');
        add(PATH_SET | USERINFO_SET | COMPONENT_SET | FORM_SET, '?^`{}');
        add(USERINFO_SET | COMPONENT_SET | FORM_SET, '/:;=@[\\]|');
        add(COMPONENT_SET | FORM_SET, '$%&+,');
        add(FORM_SET, '!\'()~');
    })();

    // "%00" … "%FF".
    const digits = '0123456789ABCDEF';
    const hex = [];
    for (let b = 0; b < 256; b++)
        defineData(hex, b, '%' + digits[b >> 4] + digits[b & 15]);

    // Appending short strings one at a time makes a rope with a node per append. For the long
    // results a huge input produces, every SPILL appends the rope is flattened (reading a code
    // unit flattens it in V8, freeing its nodes) and set aside; the parts are joined at the end.
    const SPILL = 4096;

    function spill(parts, s) {
        if (parts === null)
            parts = newList();
        StringPrototypeCharCodeAt(s, 0);
        append(parts, s);
        return parts;
    }

    function finish(parts, s) {
        if (parts === null)
            return s;
        append(parts, s);
        return ArrayPrototypeJoin(parts, '');
    }

    function utf8Escape(cp) {
        if (cp < 0x80)
            return hex[cp];
        if (cp < 0x800)
            return hex[0xC0 | (cp >> 6)] + hex[0x80 | (cp & 0x3F)];
        if (cp < 0x10000)
            return hex[0xE0 | (cp >> 12)] + hex[0x80 | ((cp >> 6) & 0x3F)] + hex[0x80 | (cp & 0x3F)];
        return hex[0xF0 | (cp >> 18)] + hex[0x80 | ((cp >> 12) & 0x3F)] + hex[0x80 | ((cp >> 6) & 0x3F)] + hex[0x80 | (cp & 0x3F)];
    }

    // UTF-8 percent-encodes s[start, end) with the given set; with spaceAsPlus (the form serializer)
    // a space becomes '+'. The input is well-formed UTF-16, so a lead surrogate has its trail.
    function percentEncode(s, start, end, mask, spaceAsPlus) {
        let i = start;
        for (; i < end; i++) {
            const c = StringPrototypeCharCodeAt(s, i);
            if (c >= 0x7F || (sets[c] & mask) !== 0)
                break;
        }
        if (i === end)
            return start === 0 && end === s.length ? s : StringPrototypeSlice(s, start, end);
        let out = StringPrototypeSlice(s, start, i);
        let parts = null;
        let pieces = 0;
        let run = i;
        for (; i < end; i++) {
            let c = StringPrototypeCharCodeAt(s, i);
            if (c < 0x7F && (sets[c] & mask) === 0)
                continue;
            if (++pieces === SPILL) {
                parts = spill(parts, out);
                out = '';
                pieces = 0;
            }
            if (run < i)
                out += StringPrototypeSlice(s, run, i);
            if (c === 0x20 && spaceAsPlus) {
                out += '+';
            } else if (c >= 0xD800 && c <= 0xDBFF && i + 1 < end) {
                const trail = StringPrototypeCharCodeAt(s, i + 1);
                c = 0x10000 + ((c - 0xD800) << 10) + (trail - 0xDC00);
                i++;
                out += utf8Escape(c);
            } else {
                out += utf8Escape(c);
            }
            run = i + 1;
        }
        if (run < end)
            out += StringPrototypeSlice(s, run, end);
        return finish(parts, out);
    }

    // ------------------------------------------------------------------ percent-decoding

    function hexValue(c) {
        if (c >= 0x30 && c <= 0x39)
            return c - 0x30;
        c |= 0x20;
        if (c >= 0x61 && c <= 0x66)
            return c - 0x61 + 10;
        return -1;
    }

    // UTF-8 decodes bytes[0, length) with U+FFFD for each maximal invalid subpart (the Encoding
    // Standard's decoder), in chunks so that long runs need no per-character concatenation.
    const chunk = new Uint16Array(4096);

    // The first n code units of chunk as a string. The view gets an own `length` so that apply
    // reads neither %TypedArray%.prototype's getter nor anything else a script can replace.
    function codeUnits(n) {
        const view = new Uint16Array(TypedArrayPrototypeGetBuffer(chunk), 0, n);
        ObjectDefineProperty(view, 'length', { __proto__: null, value: n });
        return FunctionPrototypeApply(StringFromCharCode, null, view);
    }

    function utf8Decode(bytes, length) {
        let out = '';
        let n = 0;
        let i = 0;
        while (i < length) {
            if (n > 4090) {
                out += codeUnits(n);
                n = 0;
            }
            const b = bytes[i];
            if (b < 0x80) {
                chunk[n++] = b;
                i++;
                continue;
            }
            let need, cp, lower = 0x80, upper = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1; cp = b & 0x1F;
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2; cp = b & 0x0F;
                if (b === 0xE0) lower = 0xA0;
                if (b === 0xED) upper = 0x9F;
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3; cp = b & 0x07;
                if (b === 0xF0) lower = 0x90;
                if (b === 0xF4) upper = 0x8F;
            } else {
                chunk[n++] = 0xFFFD;
                i++;
                continue;
            }
            let j = i + 1;
            let ok = true;
            for (let k = 0; k < need; k++, j++) {
                const next = j < length ? bytes[j] : -1;
                if (next < lower || next > upper) {
                    ok = false;
                    break;
                }
                lower = 0x80;
                upper = 0xBF;
                cp = (cp << 6) | (next & 0x3F);
            }
            if (!ok) {
                chunk[n++] = 0xFFFD;
                i = j;
                continue;
            }
            i = j;
            if (cp >= 0x10000) {
                cp -= 0x10000;
                chunk[n++] = 0xD800 + (cp >> 10);
                chunk[n++] = 0xDC00 + (cp & 0x3FF);
            } else {
                chunk[n++] = cp;
            }
        }
        if (n > 0)
            out += codeUnits(n);
        return out;
    }

    // Percent-decodes s and UTF-8 decodes the result. Each run of %XX escapes is decoded on its
    // own: the code units between runs are whole code points (their UTF-8 never starts with a
    // continuation byte), so this equals decoding all bytes at once. With plusAsSpace, '+' is a
    // space (application/x-www-form-urlencoded).
    let scratch = new Uint8Array(256);

    function percentDecode(s, plusAsSpace) {
        let i = StringPrototypeIndexOf(s, '%');
        let plus = plusAsSpace ? StringPrototypeIndexOf(s, '+') : -1;
        if (i === -1 && plus === -1)
            return s;
        let out = '';
        let parts = null;
        let pieces = 0;
        let run = 0;
        const length = s.length;
        for (i = 0; i < length; i++) {
            const c = StringPrototypeCharCodeAt(s, i);
            if (pieces === SPILL) {
                parts = spill(parts, out);
                out = '';
                pieces = 0;
            }
            if (c === 0x2B && plusAsSpace) {
                out += StringPrototypeSlice(s, run, i) + ' ';
                pieces++;
                run = i + 1;
                continue;
            }
            if (c !== 0x25 || i + 2 >= length)
                continue;
            let high = hexValue(StringPrototypeCharCodeAt(s, i + 1));
            let low = hexValue(StringPrototypeCharCodeAt(s, i + 2));
            if (high < 0 || low < 0)
                continue;
            out += StringPrototypeSlice(s, run, i);
            let n = 0;
            while (true) {
                if (n === scratch.length) {
                    const bigger = new Uint8Array(n * 2);
                    TypedArrayPrototypeSet(bigger, scratch);
                    scratch = bigger;
                }
                scratch[n++] = high * 16 + low;
                i += 3;
                if (i + 2 >= length || StringPrototypeCharCodeAt(s, i) !== 0x25)
                    break;
                high = hexValue(StringPrototypeCharCodeAt(s, i + 1));
                low = hexValue(StringPrototypeCharCodeAt(s, i + 2));
                if (high < 0 || low < 0)
                    break;
            }
            out += utf8Decode(scratch, n);
            pieces++;
            run = i;
            i--;
        }
        return finish(parts, out + StringPrototypeSlice(s, run));
    }

    // ------------------------------------------------------------------ schemes

    function specialPort(scheme) {
        switch (scheme) {
            case 'http': case 'ws': return 80;
            case 'https': case 'wss': return 443;
            case 'ftp': return 21;
            case 'file': return null;
            default: return undefined;
        }
    }

    function isSpecialScheme(scheme) {
        return specialPort(scheme) !== undefined;
    }

    // ------------------------------------------------------------------ the URL record

    class UrlRecord {
        scheme = '';
        username = '';
        password = '';
        host = null;
        port = null;
        path = '';
        opaque = false;
        query = null;
        fragment = null;
        special = false;
    }
    ObjectSetPrototypeOf(UrlRecord.prototype, null);

    function includesCredentials(url) {
        return url.username !== '' || url.password !== '';
    }

    function cannotHaveCredentialsOrPort(url) {
        return url.host === null || url.host === '' || url.scheme === 'file';
    }

    // ------------------------------------------------------------------ paths

    function isAsciiAlpha(c) {
        return (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A);
    }

    function isAsciiDigit(c) {
        return c >= 0x30 && c <= 0x39;
    }

    // "C:" or "C|" (normalized: only "C:").
    function isWindowsDriveLetter(s, normalized) {
        if (s.length !== 2 || !isAsciiAlpha(StringPrototypeCharCodeAt(s, 0)))
            return false;
        const c = StringPrototypeCharCodeAt(s, 1);
        return c === 0x3A || (!normalized && c === 0x7C);
    }

    function startsWithWindowsDriveLetter(s, at) {
        if (s.length - at < 2 || !isAsciiAlpha(StringPrototypeCharCodeAt(s, at)))
            return false;
        const second = StringPrototypeCharCodeAt(s, at + 1);
        if (second !== 0x3A && second !== 0x7C)
            return false;
        if (s.length - at === 2)
            return true;
        const c = StringPrototypeCharCodeAt(s, at + 2);
        return c === 0x2F || c === 0x5C || c === 0x3F || c === 0x23;
    }

    // The first segment of a serialized path, or null when the path is empty.
    function firstSegment(path) {
        if (path === '')
            return null;
        const end = StringPrototypeIndexOf(path, '/', 1);
        return end === -1 ? StringPrototypeSlice(path, 1) : StringPrototypeSlice(path, 1, end);
    }

    function shortenPath(url) {
        const path = url.path;
        if (path === '')
            return;
        const last = StringPrototypeLastIndexOf(path, '/');
        if (url.scheme === 'file' && last === 0 && isWindowsDriveLetter(StringPrototypeSlice(path, 1), true))
            return;
        url.path = StringPrototypeSlice(path, 0, last);
    }

    function isSingleDot(s) {
        switch (s.length) {
            case 1: return s === '.';
            case 3: return s === '%2e' || s === '%2E';
            default: return false;
        }
    }

    function isDoubleDot(s) {
        switch (s.length) {
            case 2: return s === '..';
            case 4: {
                const lower = StringPrototypeToLowerCase(s);
                return lower === '.%2e' || lower === '%2e.';
            }
            case 6: return StringPrototypeToLowerCase(s) === '%2e%2e';
            default: return false;
        }
    }

    // ------------------------------------------------------------------ hosts

    // Forbidden host code points (forbidden domain code points add the C0 controls, % and DEL).
    function isForbiddenHost(c) {
        switch (c) {
            case 0x00: case 0x09: case 0x0A: case 0x0D: case 0x20: case 0x23: case 0x2F: case 0x3A:
            case 0x3C: case 0x3E: case 0x3F: case 0x40: case 0x5B: case 0x5C: case 0x5D: case 0x5E: case 0x7C:
                return true;
            default:
                return false;
        }
    }

    function isForbiddenDomain(c) {
        return c <= 0x20 || c === 0x25 || c === 0x7F || isForbiddenHost(c);
    }

    // The URL Standard's domain to ASCII with beStrict = false. An ASCII domain with no label
    // that starts with "xn--" maps to its lowercase under UTS #46 (UseSTD3ASCIIRules=false); any
    // other goes to .NET (UrlIdna.cs), which returns null on failure.
    function domainToAscii(domain) {
        let ascii = true;
        let upper = false;
        const length = domain.length;
        for (let i = 0; i < length; i++) {
            const c = StringPrototypeCharCodeAt(domain, i);
            if (c >= 0x80) {
                ascii = false;
                break;
            }
            if (c >= 0x41 && c <= 0x5A)
                upper = true;
        }
        let result;
        if (ascii) {
            result = upper ? StringPrototypeToLowerCase(domain) : domain;
            if (hasPunycodeLabel(result))
                result = toAscii(result);
        } else {
            result = toAscii(domain);
        }
        if (result === null || result === '' || typeof result !== 'string')
            return null;
        for (let i = 0; i < result.length; i++) {
            if (isForbiddenDomain(StringPrototypeCharCodeAt(result, i)))
                return null;
        }
        return result;
    }

    function hasPunycodeLabel(s) {
        let at = StringPrototypeIndexOf(s, 'xn--');
        while (at !== -1) {
            if (at === 0 || StringPrototypeCharCodeAt(s, at - 1) === 0x2E)
                return true;
            at = StringPrototypeIndexOf(s, 'xn--', at + 1);
        }
        return false;
    }

    // The host parser: a serialized host, or null for failure.
    function parseHost(input, isOpaque) {
        if (StringPrototypeCharCodeAt(input, 0) === 0x5B) {
            if (StringPrototypeCharCodeAt(input, input.length - 1) !== 0x5D)
                return null;
            const address = parseIPv6(input, 1, input.length - 1);
            return address === null ? null : '[' + serializeIPv6(address) + ']';
        }
        if (isOpaque) {
            for (let i = 0; i < input.length; i++) {
                if (isForbiddenHost(StringPrototypeCharCodeAt(input, i)))
                    return null;
            }
            return percentEncode(input, 0, input.length, C0_SET, false);
        }
        const domain = percentDecode(input, false);
        const asciiDomain = domainToAscii(domain);
        if (asciiDomain === null)
            return null;
        if (endsInANumber(asciiDomain))
            return parseIPv4(asciiDomain);
        return asciiDomain;
    }

    function endsInANumber(s) {
        let end = s.length;
        if (StringPrototypeCharCodeAt(s, end - 1) === 0x2E) {
            if (end === 1)
                return false;
            end--;
        }
        const start = StringPrototypeLastIndexOf(s, '.', end - 1) + 1;
        if (start === end)
            return false;
        let digits = true;
        for (let i = start; i < end; i++) {
            if (!isAsciiDigit(StringPrototypeCharCodeAt(s, i))) {
                digits = false;
                break;
            }
        }
        return digits || parseIPv4Number(s, start, end) >= 0;
    }

    // An IPv4 number (decimal, 0x hex or 0 octal) of s[start, end), or -1 for failure.
    function parseIPv4Number(s, start, end) {
        if (start === end)
            return -1;
        let radix = 10;
        if (end - start >= 2 && StringPrototypeCharCodeAt(s, start) === 0x30) {
            const x = StringPrototypeCharCodeAt(s, start + 1);
            if (x === 0x78 || x === 0x58) {
                radix = 16;
                start += 2;
            } else {
                radix = 8;
                start += 1;
            }
        }
        let value = 0;
        for (let i = start; i < end; i++) {
            const c = StringPrototypeCharCodeAt(s, i);
            const digit = radix === 16 ? hexValue(c) : isAsciiDigit(c) ? c - 0x30 : -1;
            if (digit < 0 || digit >= radix)
                return -1;
            value = value * radix + digit;
        }
        return value;
    }

    function parseIPv4(s) {
        let end = s.length;
        if (StringPrototypeCharCodeAt(s, end - 1) === 0x2E)
            end--;
        let ipv4 = 0;
        let count = 0;
        let start = 0;
        for (;;) {
            let dot = StringPrototypeIndexOf(s, '.', start);
            if (dot === -1 || dot > end)
                dot = end;
            const n = parseIPv4Number(s, start, dot);
            if (n < 0)
                return null;
            count++;
            if (dot === end) {
                if (count > 4 || n >= 256 ** (5 - count))
                    return null;
                ipv4 = ipv4 * 256 ** (5 - count) + n;
                break;
            }
            if (n > 255 || count === 4)
                return null;
            ipv4 = ipv4 * 256 + n;
            start = dot + 1;
        }
        return ((ipv4 / 16777216) >>> 0) + '.' + ((ipv4 / 65536) & 255) + '.' + ((ipv4 / 256) & 255) + '.' + (ipv4 & 255);
    }

    const address = new Uint16Array(8);

    // s[start, end) as eight 16-bit pieces (in `address`), or null.
    function parseIPv6(s, start, end) {
        for (let i = 0; i < 8; i++)
            address[i] = 0;
        let piece = 0;
        let compress = -1;
        let p = start;
        const at = (i) => (i < end ? StringPrototypeCharCodeAt(s, i) : EOF);
        if (at(p) === 0x3A) {
            if (at(p + 1) !== 0x3A)
                return null;
            p += 2;
            piece++;
            compress = piece;
        }
        while (at(p) !== EOF) {
            if (piece === 8)
                return null;
            if (at(p) === 0x3A) {
                if (compress !== -1)
                    return null;
                p++;
                piece++;
                compress = piece;
                continue;
            }
            let value = 0;
            let length = 0;
            while (length < 4 && hexValue(at(p)) >= 0) {
                value = value * 16 + hexValue(at(p));
                p++;
                length++;
            }
            if (at(p) === 0x2E) {
                if (length === 0)
                    return null;
                p -= length;
                if (piece > 6)
                    return null;
                let numbersSeen = 0;
                while (at(p) !== EOF) {
                    let ipv4Piece = -1;
                    if (numbersSeen > 0) {
                        if (at(p) === 0x2E && numbersSeen < 4)
                            p++;
                        else
                            return null;
                    }
                    if (!isAsciiDigit(at(p)))
                        return null;
                    while (isAsciiDigit(at(p))) {
                        const number = at(p) - 0x30;
                        if (ipv4Piece === -1)
                            ipv4Piece = number;
                        else if (ipv4Piece === 0)
                            return null;
                        else
                            ipv4Piece = ipv4Piece * 10 + number;
                        if (ipv4Piece > 255)
                            return null;
                        p++;
                    }
                    address[piece] = address[piece] * 0x100 + ipv4Piece;
                    numbersSeen++;
                    if (numbersSeen === 2 || numbersSeen === 4)
                        piece++;
                }
                if (numbersSeen !== 4)
                    return null;
                break;
            } else if (at(p) === 0x3A) {
                p++;
                if (at(p) === EOF)
                    return null;
            } else if (at(p) !== EOF) {
                return null;
            }
            address[piece] = value;
            piece++;
        }
        if (compress !== -1) {
            let swaps = piece - compress;
            piece = 7;
            while (piece !== 0 && swaps > 0) {
                const other = compress + swaps - 1;
                const t = address[piece];
                address[piece] = address[other];
                address[other] = t;
                piece--;
                swaps--;
            }
        } else if (piece !== 8) {
            return null;
        }
        return address;
    }

    function serializeIPv6(pieces) {
        // The first longest run of two or more zero pieces is compressed.
        let compress = -1;
        let best = 1;
        for (let i = 0; i < 8;) {
            if (pieces[i] !== 0) {
                i++;
                continue;
            }
            let j = i;
            while (j < 8 && pieces[j] === 0)
                j++;
            if (j - i > best) {
                best = j - i;
                compress = i;
            }
            i = j;
        }
        let out = '';
        for (let i = 0; i < 8; i++) {
            if (i === compress) {
                out += i === 0 ? '::' : ':';
                i += best - 1;
                continue;
            }
            out += NumberPrototypeToString(pieces[i], 16);
            if (i !== 7)
                out += ':';
        }
        return out;
    }

    // ------------------------------------------------------------------ the basic URL parser

    const SCHEME_START = 1, SCHEME = 2, NO_SCHEME = 3, SPECIAL_RELATIVE_OR_AUTHORITY = 4, PATH_OR_AUTHORITY = 5,
        RELATIVE = 6, RELATIVE_SLASH = 7, SPECIAL_AUTHORITY_SLASHES = 8, SPECIAL_AUTHORITY_IGNORE_SLASHES = 9,
        AUTHORITY = 10, HOST = 11, HOSTNAME = 12, PORT = 13, FILE = 14, FILE_SLASH = 15, FILE_HOST = 16,
        PATH_START = 17, PATH = 18, OPAQUE_PATH = 19, QUERY = 20, FRAGMENT_STATE = 21;

    function isC0OrSpace(c) {
        return c <= 0x20;
    }

    function isTabOrNewline(c) {
        return c === 0x09 || c === 0x0A || c === 0x0D;
    }

    // Strips leading and trailing C0 controls and spaces (only without a record, as the spec
    // says) and removes every tab and newline.
    function cleanInput(input, trim) {
        let start = 0;
        let end = input.length;
        if (trim) {
            while (start < end && isC0OrSpace(StringPrototypeCharCodeAt(input, start)))
                start++;
            while (end > start && isC0OrSpace(StringPrototypeCharCodeAt(input, end - 1)))
                end--;
        }
        let i = start;
        for (; i < end; i++) {
            if (isTabOrNewline(StringPrototypeCharCodeAt(input, i)))
                break;
        }
        if (i === end)
            return start === 0 && end === input.length ? input : StringPrototypeSlice(input, start, end);
        let out = StringPrototypeSlice(input, start, i);
        let parts = null;
        let pieces = 0;
        let run = i + 1;
        for (i++; i < end; i++) {
            if (isTabOrNewline(StringPrototypeCharCodeAt(input, i))) {
                if (++pieces === SPILL) {
                    parts = spill(parts, out);
                    out = '';
                    pieces = 0;
                }
                out += StringPrototypeSlice(input, run, i);
                run = i + 1;
            }
        }
        return finish(parts, out + StringPrototypeSlice(input, run, end));
    }

    // The basic URL parser. Without stateOverride: a new record, or null for failure. With it
    // (the setters), `url` is changed in place and the result only says whether it failed.
    function basicParse(rawInput, base, url, stateOverride) {
        const input = cleanInput(rawInput, url === null);
        const length = input.length;
        if (url === null)
            url = new UrlRecord();
        let state = stateOverride || SCHEME_START;
        let buffer = '';
        let pointer = 0;
        for (; pointer <= length; pointer++) {
            const c = pointer < length ? StringPrototypeCharCodeAt(input, pointer) : EOF;
            switch (state) {
                case SCHEME_START:
                    if (isAsciiAlpha(c)) {
                        state = SCHEME;
                        pointer--;
                    } else if (!stateOverride) {
                        state = NO_SCHEME;
                        pointer--;
                    } else {
                        return null;
                    }
                    break;

                case SCHEME: {
                    let end = pointer;
                    let upper = false;
                    for (; end < length; end++) {
                        const d = StringPrototypeCharCodeAt(input, end);
                        if (d >= 0x41 && d <= 0x5A)
                            upper = true;
                        else if (!(isAsciiAlpha(d) || isAsciiDigit(d) || d === 0x2B || d === 0x2D || d === 0x2E))
                            break;
                    }
                    const d = end < length ? StringPrototypeCharCodeAt(input, end) : EOF;
                    if (d === 0x3A) {
                        buffer = StringPrototypeSlice(input, pointer, end);
                        if (upper)
                            buffer = StringPrototypeToLowerCase(buffer);
                        pointer = end;
                        const special = isSpecialScheme(buffer);
                        if (stateOverride) {
                            if (url.special !== special)
                                return url;
                            if ((includesCredentials(url) || url.port !== null) && buffer === 'file')
                                return url;
                            if (url.scheme === 'file' && url.host === '')
                                return url;
                        }
                        url.scheme = buffer;
                        url.special = special;
                        if (stateOverride) {
                            if (url.port === specialPort(buffer))
                                url.port = null;
                            return url;
                        }
                        buffer = '';
                        if (url.scheme === 'file') {
                            state = FILE;
                        } else if (special && base !== null && base.scheme === url.scheme) {
                            state = SPECIAL_RELATIVE_OR_AUTHORITY;
                        } else if (special) {
                            state = SPECIAL_AUTHORITY_SLASHES;
                        } else if (pointer + 1 < length && StringPrototypeCharCodeAt(input, pointer + 1) === 0x2F) {
                            state = PATH_OR_AUTHORITY;
                            pointer++;
                        } else {
                            url.path = '';
                            url.opaque = true;
                            state = OPAQUE_PATH;
                        }
                    } else if (!stateOverride) {
                        state = NO_SCHEME;
                        pointer = -1;
                    } else {
                        return null;
                    }
                    break;
                }

                case NO_SCHEME:
                    if (base === null || (base.opaque && c !== 0x23))
                        return null;
                    if (base.opaque && c === 0x23) {
                        url.scheme = base.scheme;
                        url.special = base.special;
                        url.path = base.path;
                        url.opaque = true;
                        url.query = base.query;
                        url.fragment = '';
                        state = FRAGMENT_STATE;
                    } else if (base.scheme !== 'file') {
                        state = RELATIVE;
                        pointer--;
                    } else {
                        state = FILE;
                        pointer--;
                    }
                    break;

                case SPECIAL_RELATIVE_OR_AUTHORITY:
                    if (c === 0x2F && pointer + 1 < length && StringPrototypeCharCodeAt(input, pointer + 1) === 0x2F) {
                        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
                        pointer++;
                    } else {
                        state = RELATIVE;
                        pointer--;
                    }
                    break;

                case PATH_OR_AUTHORITY:
                    if (c === 0x2F) {
                        state = AUTHORITY;
                    } else {
                        state = PATH;
                        pointer--;
                    }
                    break;

                case RELATIVE:
                    url.scheme = base.scheme;
                    url.special = base.special;
                    if (c === 0x2F || (url.special && c === 0x5C)) {
                        state = RELATIVE_SLASH;
                    } else {
                        url.username = base.username;
                        url.password = base.password;
                        url.host = base.host;
                        url.port = base.port;
                        url.path = base.path;
                        url.query = base.query;
                        if (c === 0x3F) {
                            url.query = '';
                            state = QUERY;
                        } else if (c === 0x23) {
                            url.fragment = '';
                            state = FRAGMENT_STATE;
                        } else if (c !== EOF) {
                            url.query = null;
                            shortenPath(url);
                            state = PATH;
                            pointer--;
                        }
                    }
                    break;

                case RELATIVE_SLASH:
                    if (url.special && (c === 0x2F || c === 0x5C)) {
                        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
                    } else if (c === 0x2F) {
                        state = AUTHORITY;
                    } else {
                        url.username = base.username;
                        url.password = base.password;
                        url.host = base.host;
                        url.port = base.port;
                        state = PATH;
                        pointer--;
                    }
                    break;

                case SPECIAL_AUTHORITY_SLASHES:
                    if (c === 0x2F && pointer + 1 < length && StringPrototypeCharCodeAt(input, pointer + 1) === 0x2F) {
                        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
                        pointer++;
                    } else {
                        state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
                        pointer--;
                    }
                    break;

                case SPECIAL_AUTHORITY_IGNORE_SLASHES:
                    if (c !== 0x2F && c !== 0x5C) {
                        state = AUTHORITY;
                        pointer--;
                    }
                    break;

                case AUTHORITY: {
                    // The userinfo ends at the last '@' before the end of the authority; earlier
                    // '@'s are part of it (the userinfo set encodes them as %40).
                    let end = pointer;
                    let at = -1;
                    for (; end < length; end++) {
                        const d = StringPrototypeCharCodeAt(input, end);
                        if (d === 0x2F || d === 0x3F || d === 0x23 || (url.special && d === 0x5C))
                            break;
                        if (d === 0x40)
                            at = end;
                    }
                    if (at !== -1) {
                        if (at + 1 === end)
                            return null;
                        const colon = StringPrototypeIndexOf(input, ':', pointer);
                        if (colon !== -1 && colon < at) {
                            url.username += percentEncode(input, pointer, colon, USERINFO_SET, false);
                            url.password += percentEncode(input, colon + 1, at, USERINFO_SET, false);
                        } else {
                            url.username += percentEncode(input, pointer, at, USERINFO_SET, false);
                        }
                        pointer = at;
                    } else {
                        pointer--;
                    }
                    state = HOST;
                    break;
                }

                case HOST:
                case HOSTNAME: {
                    if (stateOverride && url.scheme === 'file') {
                        pointer--;
                        state = FILE_HOST;
                        break;
                    }
                    let end = pointer;
                    let brackets = false;
                    let d = EOF;
                    for (; end < length; end++) {
                        d = StringPrototypeCharCodeAt(input, end);
                        if ((d === 0x3A && !brackets) || d === 0x2F || d === 0x3F || d === 0x23 || (url.special && d === 0x5C))
                            break;
                        if (d === 0x5B)
                            brackets = true;
                        else if (d === 0x5D)
                            brackets = false;
                    }
                    if (end === length)
                        d = EOF;
                    if (d === 0x3A) {
                        if (end === pointer)
                            return null;
                        if (stateOverride === HOSTNAME)
                            return null;
                        const host = parseHost(StringPrototypeSlice(input, pointer, end), !url.special);
                        if (host === null)
                            return null;
                        url.host = host;
                        pointer = end;
                        state = PORT;
                    } else {
                        if (url.special && end === pointer)
                            return null;
                        if (stateOverride && end === pointer && (includesCredentials(url) || url.port !== null))
                            return null;
                        const host = end === pointer ? '' : parseHost(StringPrototypeSlice(input, pointer, end), !url.special);
                        if (host === null)
                            return null;
                        url.host = host;
                        if (stateOverride)
                            return url;
                        pointer = end - 1;
                        state = PATH_START;
                    }
                    break;
                }

                case PORT: {
                    let end = pointer;
                    while (end < length && isAsciiDigit(StringPrototypeCharCodeAt(input, end)))
                        end++;
                    const d = end < length ? StringPrototypeCharCodeAt(input, end) : EOF;
                    if (d === EOF || d === 0x2F || d === 0x3F || d === 0x23 || (url.special && d === 0x5C) || stateOverride) {
                        if (end !== pointer) {
                            let port = 0;
                            for (let i = pointer; i < end; i++) {
                                port = port * 10 + (StringPrototypeCharCodeAt(input, i) - 0x30);
                                if (port > 65535)
                                    return null;
                            }
                            url.port = port === specialPort(url.scheme) ? null : port;
                            if (stateOverride)
                                return url;
                        }
                        if (stateOverride)
                            return null;
                        state = PATH_START;
                        pointer = end - 1;
                    } else {
                        return null;
                    }
                    break;
                }

                case FILE:
                    url.scheme = 'file';
                    url.special = true;
                    url.host = '';
                    if (c === 0x2F || c === 0x5C) {
                        state = FILE_SLASH;
                    } else if (base !== null && base.scheme === 'file') {
                        url.host = base.host;
                        url.path = base.path;
                        url.query = base.query;
                        if (c === 0x3F) {
                            url.query = '';
                            state = QUERY;
                        } else if (c === 0x23) {
                            url.fragment = '';
                            state = FRAGMENT_STATE;
                        } else if (c !== EOF) {
                            url.query = null;
                            if (!startsWithWindowsDriveLetter(input, pointer))
                                shortenPath(url);
                            else
                                url.path = '';
                            state = PATH;
                            pointer--;
                        }
                    } else {
                        state = PATH;
                        pointer--;
                    }
                    break;

                case FILE_SLASH:
                    if (c === 0x2F || c === 0x5C) {
                        state = FILE_HOST;
                    } else {
                        if (base !== null && base.scheme === 'file') {
                            url.host = base.host;
                            if (!startsWithWindowsDriveLetter(input, pointer)) {
                                const first = firstSegment(base.path);
                                if (first !== null && isWindowsDriveLetter(first, true))
                                    url.path += '/' + first;
                            }
                        }
                        state = PATH;
                        pointer--;
                    }
                    break;

                case FILE_HOST: {
                    let end = pointer;
                    for (; end < length; end++) {
                        const d = StringPrototypeCharCodeAt(input, end);
                        if (d === 0x2F || d === 0x5C || d === 0x3F || d === 0x23)
                            break;
                    }
                    buffer = StringPrototypeSlice(input, pointer, end);
                    pointer = end - 1;
                    if (!stateOverride && isWindowsDriveLetter(buffer, false)) {
                        // The drive letter quirk: buffer is not reset; the path state uses it.
                        state = PATH;
                    } else if (buffer === '') {
                        url.host = '';
                        if (stateOverride)
                            return url;
                        state = PATH_START;
                    } else {
                        let host = parseHost(buffer, !url.special);
                        if (host === null)
                            return null;
                        if (host === 'localhost')
                            host = '';
                        url.host = host;
                        if (stateOverride)
                            return url;
                        buffer = '';
                        state = PATH_START;
                    }
                    break;
                }

                case PATH_START:
                    if (url.special) {
                        state = PATH;
                        if (c !== 0x2F && c !== 0x5C)
                            pointer--;
                    } else if (!stateOverride && c === 0x3F) {
                        url.query = '';
                        state = QUERY;
                    } else if (!stateOverride && c === 0x23) {
                        url.fragment = '';
                        state = FRAGMENT_STATE;
                    } else if (c !== EOF) {
                        state = PATH;
                        if (c !== 0x2F)
                            pointer--;
                    } else if (stateOverride && url.host === null) {
                        url.path += '/';
                    }
                    break;

                case PATH: {
                    if (buffer === '' && url.scheme !== 'file') {
                        const end = plainPathEnd(input, pointer, length, url.special, stateOverride);
                        if (end !== -1) {
                            url.path += '/' + StringPrototypeSlice(input, pointer, end);
                            pointer = end;
                            // At a '/', the path state goes on with the segment after it.
                            if (end < length) {
                                const e = StringPrototypeCharCodeAt(input, end);
                                if (e === 0x3F) {
                                    url.query = '';
                                    state = QUERY;
                                } else if (e === 0x23) {
                                    url.fragment = '';
                                    state = FRAGMENT_STATE;
                                }
                            }
                            break;
                        }
                    }
                    let end = pointer;
                    let d = EOF;
                    for (; end < length; end++) {
                        d = StringPrototypeCharCodeAt(input, end);
                        if (d === 0x2F || (url.special && d === 0x5C) || (!stateOverride && (d === 0x3F || d === 0x23)))
                            break;
                    }
                    if (end === length)
                        d = EOF;
                    buffer += percentEncode(input, pointer, end, PATH_SET, false);
                    pointer = end;
                    const slash = d === 0x2F || (url.special && d === 0x5C);
                    if (isDoubleDot(buffer)) {
                        shortenPath(url);
                        if (!slash)
                            url.path += '/';
                    } else if (isSingleDot(buffer)) {
                        if (!slash)
                            url.path += '/';
                    } else {
                        if (url.scheme === 'file' && url.path === '' && isWindowsDriveLetter(buffer, false))
                            buffer = StringPrototypeSlice(buffer, 0, 1) + ':';
                        url.path += '/' + buffer;
                    }
                    buffer = '';
                    if (d === 0x3F) {
                        url.query = '';
                        state = QUERY;
                    } else if (d === 0x23) {
                        url.fragment = '';
                        state = FRAGMENT_STATE;
                    }
                    break;
                }

                case OPAQUE_PATH: {
                    let end = pointer;
                    let d = EOF;
                    for (; end < length; end++) {
                        d = StringPrototypeCharCodeAt(input, end);
                        if (d === 0x3F || d === 0x23)
                            break;
                    }
                    if (end === length) {
                        url.path += percentEncode(input, pointer, end, C0_SET, false);
                    } else if (end > pointer && StringPrototypeCharCodeAt(input, end - 1) === 0x20) {
                        // A space just before the query or fragment is encoded, so that removing
                        // them later cannot leave a trailing space.
                        url.path += percentEncode(input, pointer, end - 1, C0_SET, false) + '%20';
                    } else {
                        url.path += percentEncode(input, pointer, end, C0_SET, false);
                    }
                    pointer = end;
                    if (d === 0x3F && end < length) {
                        url.query = '';
                        state = QUERY;
                    } else if (d === 0x23 && end < length) {
                        url.fragment = '';
                        state = FRAGMENT_STATE;
                    }
                    break;
                }

                case QUERY: {
                    let end = stateOverride ? -1 : StringPrototypeIndexOf(input, '#', pointer);
                    if (end === -1)
                        end = length;
                    url.query += percentEncode(input, pointer, end, url.special ? SPECIAL_QUERY_SET : QUERY_SET, false);
                    pointer = end;
                    if (end < length) {
                        url.fragment = '';
                        state = FRAGMENT_STATE;
                    }
                    break;
                }

                case FRAGMENT_STATE:
                    if (pointer < length) {
                        url.fragment += percentEncode(input, pointer, length, FRAGMENT_SET, false);
                        pointer = length;
                    }
                    break;
            }
        }
        return url;
    }

    // Where the path that starts at `start` ends (EOF, or '?' or '#' without a state override)
    // when it needs no work: no code unit to percent-encode, no backslash in a special URL, and
    // no segment that starts with '.' or '%' (which could be a dot segment). Otherwise the '/'
    // that ends its plain segments before the first that needs work, which the path state then
    // takes a segment at a time (returning -1 only when that is the first segment: the fast path
    // must not rescan the rest of the path at each segment, which is quadratic); -1 when none is plain.
    function plainPathEnd(input, start, length, special, stateOverride) {
        let segmentStart = true;
        let lastSlash = -1;
        for (let i = start; i < length; i++) {
            const c = StringPrototypeCharCodeAt(input, i);
            if (!stateOverride && (c === 0x3F || c === 0x23))
                return i;
            if (c >= 0x7F || (sets[c] & PATH_SET) !== 0 || (special && c === 0x5C))
                return lastSlash;
            if (segmentStart && (c === 0x2E || c === 0x25))
                return lastSlash;
            segmentStart = c === 0x2F;
            if (segmentStart)
                lastSlash = i;
        }
        return length;
    }

    function parse(input, base) {
        return basicParse(input, base, null, 0);
    }

    function parseOverride(url, input, state) {
        return basicParse(input, null, url, state);
    }

    // ------------------------------------------------------------------ serializers

    function pathname(url) {
        return url.path;
    }

    function serialize(url, excludeFragment) {
        let out = url.scheme + ':';
        if (url.host !== null) {
            out += '//';
            if (url.username !== '' || url.password !== '') {
                out += url.username;
                if (url.password !== '')
                    out += ':' + url.password;
                out += '@';
            }
            out += url.host;
            if (url.port !== null)
                out += ':' + url.port;
        } else if (!url.opaque && url.path.length > 1 && StringPrototypeCharCodeAt(url.path, 1) === 0x2F) {
            out += '/.';
        }
        out += url.path;
        if (url.query !== null)
            out += '?' + url.query;
        if (!excludeFragment && url.fragment !== null)
            out += '#' + url.fragment;
        return out;
    }

    function origin(url) {
        switch (url.scheme) {
            case 'blob': {
                const inner = parse(url.path, null);
                if (inner !== null && (inner.scheme === 'http' || inner.scheme === 'https'))
                    return origin(inner);
                return 'null';
            }
            case 'ftp': case 'http': case 'https': case 'ws': case 'wss':
                return url.scheme + '://' + url.host + (url.port === null ? '' : ':' + url.port);
            default:
                return 'null';
        }
    }

    // ------------------------------------------------------------------ application/x-www-form-urlencoded

    // The parser: the name-value pairs as one flat array, [name0, value0, name1, value1, …].
    function parseForm(input) {
        const list = newList();
        const length = input.length;
        let start = 0;
        // The next '=' at or after start, found again only once passed, so that a long input
        // with few '=' is not searched to its end for every pair.
        let eq = -2;
        while (start <= length) {
            let end = StringPrototypeIndexOf(input, '&', start);
            if (end === -1)
                end = length;
            if (end > start) {
                if (eq !== -1 && eq < start)
                    eq = StringPrototypeIndexOf(input, '=', start);
                let name, value;
                if (eq !== -1 && eq < end) {
                    name = StringPrototypeSlice(input, start, eq);
                    value = StringPrototypeSlice(input, eq + 1, end);
                } else {
                    name = StringPrototypeSlice(input, start, end);
                    value = '';
                }
                append(list, percentDecode(name, true));
                append(list, percentDecode(value, true));
            }
            start = end + 1;
        }
        return list;
    }

    function serializeForm(list) {
        let out = '';
        let parts = null;
        for (let i = 0; i < list.length; i += 2) {
            if (i !== 0 && i % (2 * SPILL) === 0) {
                parts = spill(parts, out);
                out = '';
            }
            if (i !== 0)
                out += '&';
            const name = list[i];
            const value = list[i + 1];
            out += percentEncode(name, 0, name.length, FORM_SET, true) + '=' + percentEncode(value, 0, value.length, FORM_SET, true);
        }
        return finish(parts, out);
    }

    defineData(web, 'urlParser', ObjectFreeze({
        __proto__: null,
        parse, parseOverride, serialize, pathname, origin, cannotHaveCredentialsOrPort,
        percentEncode, parseForm, serializeForm, newList, append, USERINFO: USERINFO_SET,
        STATE_SCHEME_START: SCHEME_START, STATE_HOST: HOST, STATE_HOSTNAME: HOSTNAME,
        STATE_PORT: PORT, STATE_PATH_START: PATH_START, STATE_QUERY: QUERY, STATE_FRAGMENT: FRAGMENT_STATE,
    }));
})

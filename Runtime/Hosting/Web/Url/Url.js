// URL (URL Standard §6.1): a URL record (UrlParser.js) behind WebIDL attributes, with the
// setters' state overrides, origin, the statics canParse and parse, and a searchParams object
// linked both ways (UrlSearchParams.js).
//
// Adds `web.URL`.
(function (primordials, web) {
    'use strict';

    const { StringPrototypeCharCodeAt, StringPrototypeSlice, defineData } = primordials;
    const { idl, urlParser, urlSearchParamsLink } = web;

    // Inputs can be megabytes long; an error message quotes at most this many code units of each.
    const QUOTE_LIMIT = 256;

    function quote(s) {
        return s.length <= QUOTE_LIMIT ? `'${s}'` : `'${StringPrototypeSlice(s, 0, QUOTE_LIMIT)}…' (${s.length} characters)`;
    }

    function invalid(context, url, base) {
        return idl.typeError(context, base === undefined ? `Invalid URL ${quote(url)}` : `Invalid URL ${quote(url)} with base ${quote(base)}`);
    }

    // The last base parsed, since code tends to resolve many URLs against one base. A base record
    // is only read by the parser (URL objects get records of their own), so it can be reused.
    let lastBase = null;
    let lastBaseRecord = null;

    // Parses url against base (a string or undefined); null on failure, as the statics need.
    function parseWithBase(url, base) {
        let parsedBase = null;
        if (base !== undefined) {
            if (base !== lastBase) {
                lastBaseRecord = urlParser.parse(base, null);
                lastBase = base;
            }
            parsedBase = lastBaseRecord;
            if (parsedBase === null)
                return null;
        }
        return urlParser.parse(url, parsedBase);
    }

    // Passed as the first argument by URL.parse to wrap a record it already has.
    const fromRecord = { __proto__: null };

    let isURL;

    class URL {
        #url;
        // Created on first use: most URLs never have their searchParams read.
        #query = null;

        constructor(url, base = undefined) {
            if (url === fromRecord) {
                this.#url = base;
                return;
            }
            const context = idl.constructing('URL');
            idl.requireArguments(arguments.length, 1, context);
            url = idl.toUSVString(url, context);
            if (base !== undefined)
                base = idl.toUSVString(base, context);
            const record = parseWithBase(url, base);
            if (record === null)
                throw invalid(context, url, base);
            this.#url = record;
        }

        // The URL's query changed: a searchParams object already handed out follows it.
        #queryChanged(query) {
            if (this.#query !== null)
                urlSearchParamsLink.reset(this.#query, query);
        }

        static parse(url, base = undefined) {
            const context = idl.method('URL', 'parse');
            idl.requireArguments(arguments.length, 1, context);
            url = idl.toUSVString(url, context);
            if (base !== undefined)
                base = idl.toUSVString(base, context);
            const record = parseWithBase(url, base);
            return record === null ? null : new URL(fromRecord, record);
        }

        static canParse(url, base = undefined) {
            const context = idl.method('URL', 'canParse');
            idl.requireArguments(arguments.length, 1, context);
            url = idl.toUSVString(url, context);
            if (base !== undefined)
                base = idl.toUSVString(base, context);
            return parseWithBase(url, base) !== null;
        }

        get href() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'href'));
            return urlParser.serialize(this.#url, false);
        }

        set href(value) {
            const context = idl.setting('URL', 'href');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            const record = urlParser.parse(value, null);
            if (record === null)
                throw invalid(context, value, undefined);
            this.#url = record;
            this.#queryChanged(record.query);
        }

        get origin() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'origin'));
            return urlParser.origin(this.#url);
        }

        get protocol() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'protocol'));
            return this.#url.scheme + ':';
        }

        set protocol(value) {
            const context = idl.setting('URL', 'protocol');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            urlParser.parseOverride(this.#url, value + ':', urlParser.STATE_SCHEME_START);
        }

        get username() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'username'));
            return this.#url.username;
        }

        set username(value) {
            const context = idl.setting('URL', 'username');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            if (urlParser.cannotHaveCredentialsOrPort(this.#url))
                return;
            this.#url.username = urlParser.percentEncode(value, 0, value.length, urlParser.USERINFO, false);
        }

        get password() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'password'));
            return this.#url.password;
        }

        set password(value) {
            const context = idl.setting('URL', 'password');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            if (urlParser.cannotHaveCredentialsOrPort(this.#url))
                return;
            this.#url.password = urlParser.percentEncode(value, 0, value.length, urlParser.USERINFO, false);
        }

        get host() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'host'));
            const url = this.#url;
            if (url.host === null)
                return '';
            return url.port === null ? url.host : url.host + ':' + url.port;
        }

        set host(value) {
            const context = idl.setting('URL', 'host');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            if (this.#url.opaque)
                return;
            urlParser.parseOverride(this.#url, value, urlParser.STATE_HOST);
        }

        get hostname() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'hostname'));
            const host = this.#url.host;
            return host === null ? '' : host;
        }

        set hostname(value) {
            const context = idl.setting('URL', 'hostname');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            if (this.#url.opaque)
                return;
            urlParser.parseOverride(this.#url, value, urlParser.STATE_HOSTNAME);
        }

        get port() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'port'));
            const port = this.#url.port;
            return port === null ? '' : '' + port;
        }

        set port(value) {
            const context = idl.setting('URL', 'port');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            const url = this.#url;
            if (urlParser.cannotHaveCredentialsOrPort(url))
                return;
            if (value === '')
                url.port = null;
            else
                urlParser.parseOverride(url, value, urlParser.STATE_PORT);
        }

        get pathname() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'pathname'));
            return urlParser.pathname(this.#url);
        }

        set pathname(value) {
            const context = idl.setting('URL', 'pathname');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            const url = this.#url;
            if (url.opaque)
                return;
            url.path = '';
            urlParser.parseOverride(url, value, urlParser.STATE_PATH_START);
        }

        get search() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'search'));
            const query = this.#url.query;
            return query === null || query === '' ? '' : '?' + query;
        }

        set search(value) {
            const context = idl.setting('URL', 'search');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            const url = this.#url;
            if (value === '') {
                url.query = null;
                this.#queryChanged(null);
                return;
            }
            const input = StringPrototypeCharCodeAt(value, 0) === 0x3F ? StringPrototypeSlice(value, 1) : value;
            url.query = '';
            urlParser.parseOverride(url, input, urlParser.STATE_QUERY);
            this.#queryChanged(input);
        }

        get searchParams() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'searchParams'));
            if (this.#query === null) {
                this.#query = urlSearchParamsLink.create(this.#url.query, (query) => {
                    this.#url.query = query === '' ? null : query;
                });
            }
            return this.#query;
        }

        get hash() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.getting('URL', 'hash'));
            const fragment = this.#url.fragment;
            return fragment === null || fragment === '' ? '' : '#' + fragment;
        }

        set hash(value) {
            const context = idl.setting('URL', 'hash');
            if (!isURL(this))
                throw idl.illegalInvocation(context);
            value = idl.toUSVString(value, context);
            const url = this.#url;
            if (value === '') {
                url.fragment = null;
                return;
            }
            const input = StringPrototypeCharCodeAt(value, 0) === 0x23 ? StringPrototypeSlice(value, 1) : value;
            url.fragment = '';
            urlParser.parseOverride(url, input, urlParser.STATE_FRAGMENT);
        }

        toString() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.method('URL', 'toString'));
            return urlParser.serialize(this.#url, false);
        }

        toJSON() {
            if (!isURL(this))
                throw idl.illegalInvocation(idl.method('URL', 'toJSON'));
            return urlParser.serialize(this.#url, false);
        }

        static {
            isURL = (value) => idl.isObject(value) && #url in value;
        }
    }

    idl.defineInterface(URL, 'URL');
    idl.exposeInterface('URL', URL);
    defineData(web, 'URL', URL);
})

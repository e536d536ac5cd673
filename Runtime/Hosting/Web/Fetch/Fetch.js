// fetch(): builds a Request, then sends each hop through the host (FetchSession.cs), which checks
// the host's allow callback, sends with HttpClient and posts the outcome back as settle(id, status,
// statusText, headers, body). Redirects are followed here, hop by hop, so that the host sees (and
// may refuse) every URL: at most 20, with the standard's method and header rewrites, or a network
// error ('error') or an opaque-redirect response ('manual'). An abort rejects at once with the
// signal's reason and cancels the hop in flight. `send(id, method, url, headers, body)` and
// `cancel(id)` are the host's; the table returned holds `settle` for it.
(function (primordials, web, send, cancel) {
    'use strict';

    const {
        ArrayPrototypeIndexOf, ArrayPrototypeJoin, ArrayPrototypePush, Map, MapPrototypeDelete, MapPrototypeGet,
        MapPrototypeSet, Promise, PromiseReject, StringPrototypeIndexOf, StringPrototypeSlice, TypeError,
        TypedArrayPrototypeGetLength,
    } = primordials;
    const { idl, Request, requestSupport, responseSupport, headerSupport, fetchUrl, abortSupport } = web;

    const maxRedirects = 20;
    const pending = new Map();
    let lastId = 0;

    function quote(string) {
        return string.length <= 256 ? string : `${StringPrototypeSlice(string, 0, 256)}… (${string.length} characters)`;
    }

    // Headers the connection owns. Host would let a script address another virtual host than the URL
    // the host's allow callback approved; the others frame the message, which HttpClient does.
    const connectionHeaders = ['connection', 'host', 'keep-alive', 'te', 'trailer', 'transfer-encoding', 'upgrade'];

    // A reason the header list cannot be sent as it is, or null.
    function unsendable(list, body) {
        for (let i = 0; i < list.length; i++) {
            const name = list[i][0];
            if (ArrayPrototypeIndexOf(connectionHeaders, name) !== -1)
                return `fetch: the '${name}' header is set by the connection, not by scripts.`;
            if (name === 'content-length') {
                const length = body === null ? 0 : TypedArrayPrototypeGetLength(body);
                if (list[i][1] !== `${length}`)
                    return `fetch: the 'content-length' header (${quote(list[i][1])}) does not match the body's ${length} bytes.`;
            }
        }
        return null;
    }

    function isHttp(protocol) {
        return protocol === 'http:' || protocol === 'https:';
    }

    function fetch(input, init = undefined) {
        let request;
        try {
            idl.requireArguments(arguments.length, 1, 'fetch');
            request = new Request(input, init);
        } catch (error) {
            return PromiseReject(error);
        }
        const state = requestSupport.state(request);
        if (abortSupport.aborted(state.signal))
            return PromiseReject(abortSupport.reason(state.signal));
        const url = state.parsed;
        if (!isHttp(url.protocol))
            return PromiseReject(new TypeError(`fetch: ${quote(state.url)}: the scheme '${StringPrototypeSlice(url.protocol, 0, -1)}' is not supported (only http and https).`));

        const body = state.body === null ? null : state.body.bytes;
        const refusal = unsendable(headerSupport.list(state.headers), body);
        if (refusal !== null)
            return PromiseReject(new TypeError(refusal));

        let resolve, reject;
        const promise = new Promise((onFulfilled, onRejected) => {
            resolve = onFulfilled;
            reject = onRejected;
        });
        const list = headerSupport.list(state.headers);
        const headers = [];
        for (let i = 0; i < list.length; i++)
            ArrayPrototypePush(headers, list[i]);
        const record = {
            __proto__: null,
            id: 0,
            resolve,
            reject,
            done: false,
            url: state.url,
            origin: url.origin,
            method: state.method,
            headers,
            body,
            redirect: state.redirect,
            redirects: 0,
            signal: state.signal,
            token: undefined,
        };
        record.token = abortSupport.addAlgorithm(state.signal, () => abort(record));
        start(record);
        return promise;
    }

    function joinHeaders(list) {
        const parts = [];
        for (let i = 0; i < list.length; i++) {
            ArrayPrototypePush(parts, list[i][0]);
            ArrayPrototypePush(parts, list[i][1]);
        }
        return ArrayPrototypeJoin(parts, '\n');
    }

    function start(record) {
        // Ids are int32 for the host; one still in flight after 2^31 later hops is not a concern.
        lastId = lastId === 2147483647 ? 1 : lastId + 1;
        record.id = lastId;
        MapPrototypeSet(pending, record.id, record);
        send(record.id, record.method, fetchUrl.withoutFragment(record.url), joinHeaders(record.headers), record.body);
    }

    function finish(record) {
        record.done = true;
        MapPrototypeDelete(pending, record.id);
        if (record.token !== undefined)
            abortSupport.removeAlgorithm(record.signal, record.token);
    }

    function fail(record, error) {
        finish(record);
        record.reject(error);
    }

    function abort(record) {
        if (record.done)
            return;
        const id = record.id;
        finish(record);
        cancel(id);
        record.reject(abortSupport.reason(record.signal));
    }

    function parseHeaders(joined) {
        const list = [];
        if (joined === '')
            return list;
        // indexOf, not split: split would look up String.prototype[Symbol.split], which scripts can set.
        let start = 0;
        while (start < joined.length) {
            const colon = StringPrototypeIndexOf(joined, '\n', start);
            let end = StringPrototypeIndexOf(joined, '\n', colon + 1);
            if (end === -1)
                end = joined.length;
            ArrayPrototypePush(list, [headerSupport.asciiLower(StringPrototypeSlice(joined, start, colon)), StringPrototypeSlice(joined, colon + 1, end)]);
            start = end + 1;
        }
        return list;
    }

    function locationOf(list) {
        let location = null;
        for (let i = 0; i < list.length; i++) {
            if (list[i][0] !== 'location')
                continue;
            if (location !== null && location !== list[i][1])
                return undefined;
            location = list[i][1];
        }
        return location;
    }

    const requestBodyHeaders = ['content-encoding', 'content-language', 'content-location', 'content-type'];

    // HTTP-redirect fetch, for redirect mode 'follow'. Returns true when the next hop was sent.
    function follow(record, status, list) {
        const location = locationOf(list);
        if (location === null)
            return false;
        const from = record.url;
        if (location === undefined) {
            fail(record, new TypeError(`fetch: ${quote(from)} redirected with several different Location headers.`));
            return true;
        }
        const target = fetchUrl.parse(location, from);
        if (target === null) {
            fail(record, new TypeError(`fetch: ${quote(from)} redirected to '${quote(location)}', which is not a valid URL.`));
            return true;
        }
        if (!isHttp(target.protocol)) {
            fail(record, new TypeError(`fetch: ${quote(from)} redirected to ${quote(target.href)}, whose scheme is not http or https.`));
            return true;
        }
        if (record.redirects === maxRedirects) {
            fail(record, new TypeError(`fetch: ${quote(from)} redirected more than ${maxRedirects} times.`));
            return true;
        }
        record.redirects++;
        // A Location without a fragment keeps the request's.
        const fragment = fetchUrl.fragment(target.href) === null ? fetchUrl.fragment(from) : null;
        record.url = fragment === null ? target.href : target.href + fragment;
        if (((status === 301 || status === 302) && record.method === 'POST') || (status === 303 && record.method !== 'GET' && record.method !== 'HEAD')) {
            record.method = 'GET';
            record.body = null;
            const kept = [];
            for (let i = 0; i < record.headers.length; i++) {
                if (ArrayPrototypeIndexOf(requestBodyHeaders, record.headers[i][0]) === -1)
                    ArrayPrototypePush(kept, record.headers[i]);
            }
            record.headers = kept;
        }
        // Credentials meant for one origin are not sent to another.
        if (target.origin !== record.origin) {
            const kept = [];
            for (let i = 0; i < record.headers.length; i++) {
                if (record.headers[i][0] !== 'authorization')
                    ArrayPrototypePush(kept, record.headers[i]);
            }
            record.headers = kept;
            record.origin = target.origin;
        }
        start(record);
        return true;
    }

    // Called by the host once per hop, on the event loop. status < 0: the hop failed, statusText
    // says why (-1 network error, -2 timeout, -3 cancelled by abort or disposal).
    function settle(id, status, statusText, joined, body) {
        const record = MapPrototypeGet(pending, id);
        if (record === undefined)
            return;
        if (status < 0) {
            if (status !== -3)
                fail(record, status === -2 ? web.domException(statusText, 'TimeoutError') : new TypeError(statusText));
            return;
        }
        const list = parseHeaders(joined);
        if (ArrayPrototypeIndexOf(responseSupport.redirectStatuses, status) !== -1) {
            if (record.redirect === 'error') {
                fail(record, new TypeError(`fetch: ${quote(record.url)} redirected (status ${status}) and the request's redirect mode is 'error'.`));
                return;
            }
            if (record.redirect === 'manual') {
                finish(record);
                record.resolve(responseSupport.opaqueRedirect(record.url));
                return;
            }
            MapPrototypeDelete(pending, id);
            if (follow(record, status, list))
                return;
        }
        finish(record);
        const nullBody = record.method === 'HEAD' || ArrayPrototypeIndexOf(responseSupport.nullBodyStatuses, status) !== -1;
        record.resolve(responseSupport.fromNetwork(record.url, record.redirects > 0, status, statusText, list, nullBody ? null : body));
    }

    idl.exposeOperation('fetch', fetch);

    return { __proto__: null, settle };
})

// Fetch's Response: the constructor (status in [200, 599], a reason-phrase statusText, no body with
// a null-body status), Response.error(), Response.redirect(), Response.json(), the attributes,
// clone() and the Body mixin. Responses from fetch() come from `web.responseSupport.fromNetwork`,
// with immutable headers. Adds `web.Response` and `web.responseSupport`.
(function (primordials, web) {
    'use strict';

    const { ArrayPrototypeIndexOf, JSONStringify, ObjectFreeze, RangeError, StringPrototypeCharCodeAt, defineData } = primordials;
    const { idl, Headers, headerSupport, bodySupport, fetchUrl } = web;

    const nullBodyStatuses = [101, 103, 204, 205, 304];
    const redirectStatuses = [301, 302, 303, 307, 308];

    // RFC 9110 reason-phrase: HTAB, SP, VCHAR, obs-text.
    function isReasonPhrase(text) {
        for (let i = 0; i < text.length; i++) {
            const unit = StringPrototypeCharCodeAt(text, i);
            if (!(unit === 0x09 || (unit >= 0x20 && unit <= 0x7E) || unit >= 0x80))
                return false;
        }
        return true;
    }

    let stateOf;

    function checked(receiver, attribute) {
        const state = stateOf(receiver);
        if (state === undefined)
            throw idl.illegalInvocation(idl.getting('Response', attribute));
        return state;
    }

    function newState() {
        return {
            __proto__: null,
            type: 'default',
            url: null,
            redirected: false,
            status: 200,
            statusText: '',
            headers: null,
            body: null,
        };
    }

    // "Initialize a response": ResponseInit read in lexicographic order, then the checks.
    function initialize(state, init, extracted, context) {
        const options = idl.toDictionary(init, context);
        let headersInit, status = 200, statusText = '';
        if (options !== undefined) {
            headersInit = options.headers;
            const statusValue = options.status;
            if (statusValue !== undefined)
                status = idl.toUnsignedShort(statusValue, context);
            const statusTextValue = options.statusText;
            if (statusTextValue !== undefined)
                statusText = idl.toByteString(statusTextValue, context);
        }
        if (status < 200 || status > 599)
            throw new RangeError(`${context}: The status provided (${status}) is outside the range [200, 599].`);
        if (!isReasonPhrase(statusText))
            throw idl.typeError(context, 'Invalid statusText.');
        state.status = status;
        state.statusText = statusText;
        const headers = new Headers();
        if (headersInit !== undefined)
            headerSupport.fill(headers, headersInit, context);
        state.headers = headers;
        if (extracted !== null) {
            if (ArrayPrototypeIndexOf(nullBodyStatuses, status) !== -1)
                throw idl.typeError(context, `Response with null body status (${status}) cannot have body.`);
            state.body = extracted.body;
            if (extracted.type !== null && headerSupport.get(headers, 'content-type') === null)
                headerSupport.append(headers, 'content-type', extracted.type, context);
        }
    }

    class Response {
        #state;

        constructor(body = null, init = undefined) {
            const context = idl.constructing('Response');
            const state = newState();
            const extracted = body === null ? null : bodySupport.extract(body, context);
            initialize(state, init, extracted, context);
            this.#state = state;
        }

        static error() {
            return fromState(errorState());
        }

        static redirect(url, status = 302) {
            const context = idl.method('Response', 'redirect');
            idl.requireArguments(arguments.length, 1, context);
            const input = idl.toUSVString(url, context);
            const code = idl.toUnsignedShort(status, context);
            const parsed = fetchUrl.parseApi(input);
            if (parsed === null)
                throw idl.typeError(context, `Invalid URL '${input}'.`);
            if (ArrayPrototypeIndexOf(redirectStatuses, code) === -1)
                throw new RangeError(`${context}: Invalid status code ${code}.`);
            const state = newState();
            state.status = code;
            state.headers = headerSupport.create([['location', parsed.href]], true);
            return fromState(state);
        }

        static json(data, init = undefined) {
            const context = idl.method('Response', 'json');
            idl.requireArguments(arguments.length, 1, context);
            const text = JSONStringify(data);
            if (text === undefined)
                throw idl.typeError(context, 'The data is not JSON-serializable.');
            const state = newState();
            initialize(state, init, { __proto__: null, body: bodySupport.body(web.utf8Encode(text)), type: 'application/json' }, context);
            return fromState(state);
        }

        get type() {
            return checked(this, 'type').type;
        }

        get url() {
            const url = checked(this, 'url').url;
            return url === null ? '' : fetchUrl.withoutFragment(url);
        }

        get redirected() {
            return checked(this, 'redirected').redirected;
        }

        get status() {
            return checked(this, 'status').status;
        }

        get ok() {
            const status = checked(this, 'ok').status;
            return status >= 200 && status <= 299;
        }

        get statusText() {
            return checked(this, 'statusText').statusText;
        }

        get headers() {
            return checked(this, 'headers').headers;
        }

        clone() {
            const context = idl.method('Response', 'clone');
            const state = stateOf(this);
            if (state === undefined)
                throw idl.illegalInvocation(context);
            if (bodySupport.isUsed(state.body))
                throw idl.typeError(context, 'Response body is already used.');
            const copy = newState();
            copy.type = state.type;
            copy.url = state.url;
            copy.redirected = state.redirected;
            copy.status = state.status;
            copy.statusText = state.statusText;
            copy.headers = headerSupport.create(headerSupport.list(state.headers), headerSupport.immutable(state.headers));
            copy.body = bodySupport.share(state.body);
            return fromState(copy);
        }

        static {
            stateOf = (value) => (idl.isObject(value) && #state in value ? value.#state : undefined);
        }
    }

    function errorState() {
        const state = newState();
        state.type = 'error';
        state.status = 0;
        state.headers = headerSupport.create([], true);
        return state;
    }

    function fromState(state) {
        const response = new Response();
        const target = stateOf(response);
        target.type = state.type;
        target.url = state.url;
        target.redirected = state.redirected;
        target.status = state.status;
        target.statusText = state.statusText;
        target.headers = state.headers;
        target.body = state.body;
        return response;
    }

    // A response from the network: `list` is its [name, value] pairs, `bytes` its body or null.
    function fromNetwork(url, redirected, status, statusText, list, bytes) {
        const state = newState();
        state.type = 'basic';
        state.url = url;
        state.redirected = redirected;
        state.status = status;
        state.statusText = statusText;
        state.headers = headerSupport.create(list, true);
        state.body = bytes === null ? null : bodySupport.body(bytes);
        return fromState(state);
    }

    // What fetch() gives for a redirect when the request's redirect mode is 'manual'.
    function opaqueRedirect(url) {
        const state = newState();
        state.type = 'opaqueredirect';
        state.url = url;
        state.status = 0;
        state.headers = headerSupport.create([], true);
        return fromState(state);
    }

    bodySupport.defineMembers(Response.prototype, 'Response', stateOf);
    idl.defineInterface(Response, 'Response');
    idl.exposeInterface('Response', Response);
    web.markNotSerializable('Response', Response);

    defineData(web, 'Response', Response);
    defineData(web, 'responseSupport', ObjectFreeze({
        __proto__: null,
        fromNetwork, opaqueRedirect, redirectStatuses, nullBodyStatuses,
    }));
})

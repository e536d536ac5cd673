// URL parsing for fetch, Request and Response: the URL Standard's parser (web.URL) read through its
// own getters, captured before scripts can replace them. `apiBase` is the host's FetchApi.BaseUrl
// (the "API base URL" a document would give), or '' for none. Adds `web.fetchUrl`: parse(input,
// base) -> { href, protocol, origin, credentials } or null, parseApi(input) (against apiBase),
// withoutFragment(href) and fragment(href).
(function (primordials, web, apiBase) {
    'use strict';

    const { ObjectFreeze, ObjectGetOwnPropertyDescriptor, StringPrototypeIndexOf, StringPrototypeSlice, uncurryThis, defineData } = primordials;
    const { URL } = web;

    function getter(name) {
        return uncurryThis(ObjectGetOwnPropertyDescriptor(URL.prototype, name).get);
    }

    const href = getter('href');
    const protocol = getter('protocol');
    const origin = getter('origin');
    const username = getter('username');
    const password = getter('password');

    function parse(input, base) {
        let url;
        try {
            url = base === undefined ? new URL(input) : new URL(input, base);
        } catch {
            return null;
        }
        return {
            __proto__: null,
            href: href(url),
            protocol: protocol(url),
            origin: origin(url),
            credentials: username(url) !== '' || password(url) !== '',
        };
    }

    function parseApi(input) {
        return parse(input, apiBase === '' ? undefined : apiBase);
    }

    // A serialized URL's first '#' starts its fragment: every other component percent-encodes '#'.
    function withoutFragment(serialized) {
        const hash = StringPrototypeIndexOf(serialized, '#');
        return hash === -1 ? serialized : StringPrototypeSlice(serialized, 0, hash);
    }

    function fragment(serialized) {
        const hash = StringPrototypeIndexOf(serialized, '#');
        return hash === -1 ? null : StringPrototypeSlice(serialized, hash);
    }

    defineData(web, 'fetchUrl', ObjectFreeze({ __proto__: null, parse, parseApi, withoutFragment, fragment }));
})

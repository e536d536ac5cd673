// QuotaExceededError (WebIDL): the DOMException subclass that carries the quota and the amount
// requested, which newer specifications throw instead of a DOMException named QuotaExceededError.
// Its name is always "QuotaExceededError" (legacy code 22). Adds `web.QuotaExceededError` and
// `web.quotaExceeded(message, quota, requested)` (quota and requested may be undefined: null).
(function (primordials, web) {
    'use strict';

    const { RangeError, defineData } = primordials;
    const { idl } = web;

    let isQuotaExceededError;

    class QuotaExceededError extends web.DOMException {
        #quota;
        #requested;

        constructor(message = '', options = undefined) {
            const context = idl.constructing('QuotaExceededError');
            super(message, 'QuotaExceededError');
            // Members in lexicographic order, each optional.
            const dictionary = idl.toDictionary(options, idl.parameter(context, 2));
            const quotaValue = dictionary === undefined ? undefined : dictionary.quota;
            const quota = quotaValue === undefined ? null : idl.toDouble(quotaValue, `${context}: member quota`);
            const requestedValue = dictionary === undefined ? undefined : dictionary.requested;
            const requested = requestedValue === undefined ? null : idl.toDouble(requestedValue, `${context}: member requested`);
            if (quota !== null && quota < 0)
                throw new RangeError(`${context}: quota must be at least 0.`);
            if (requested !== null && requested < 0)
                throw new RangeError(`${context}: requested must be at least 0.`);
            if (quota !== null && requested !== null && requested < quota)
                throw new RangeError(`${context}: requested must not be less than quota.`);
            this.#quota = quota;
            this.#requested = requested;
        }

        get quota() {
            if (!isQuotaExceededError(this))
                throw idl.illegalInvocation(idl.getting('QuotaExceededError', 'quota'));
            return this.#quota;
        }

        get requested() {
            if (!isQuotaExceededError(this))
                throw idl.illegalInvocation(idl.getting('QuotaExceededError', 'requested'));
            return this.#requested;
        }

        static {
            isQuotaExceededError = (value) => idl.isObject(value) && #quota in value;
        }
    }

    idl.defineInterface(QuotaExceededError, 'QuotaExceededError');
    idl.exposeInterface('QuotaExceededError', QuotaExceededError);

    defineData(web, 'QuotaExceededError', QuotaExceededError);
    defineData(web, 'quotaExceeded', function quotaExceeded(message, quota, requested) {
        return new QuotaExceededError(message, { __proto__: null, quota, requested });
    });
})

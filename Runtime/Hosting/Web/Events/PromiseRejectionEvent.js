// PromiseRejectionEvent (HTML §8.1.4.7): the event of the global object's `unhandledrejection`,
// which the runtime dispatches for a rejection nobody handled (GlobalEvents.js).
(function (primordials, web) {
    'use strict';

    const { defineData } = primordials;
    const { idl, Event, readEventInit } = web;

    let rejectionFields;

    class PromiseRejectionEvent extends Event {
        #fields;

        constructor(type, eventInitDict) {
            const context = idl.constructing('PromiseRejectionEvent');
            idl.requireArguments(arguments.length, 2, context);
            const name = idl.toDOMString(type, context);
            const dictionary = idl.toDictionary(eventInitDict, context);
            const init = dictionary === undefined ? undefined : readEventInit(dictionary, context);
            // PromiseRejectionEventInit: `required object promise; any reason;`.
            const promise = dictionary === undefined ? undefined : dictionary.promise;
            if (promise === undefined)
                throw idl.typeError(context, 'Failed to read the \'promise\' property from \'PromiseRejectionEventInit\': Required member is undefined.');
            if (!idl.isObject(promise))
                throw idl.typeError(context, 'Failed to read the \'promise\' property from \'PromiseRejectionEventInit\': The provided value is not of type \'object\'.');
            const reason = dictionary.reason;
            super(name, init);
            this.#fields = { __proto__: null, promise, reason };
        }

        get promise() {
            return fieldsOf(this, 'promise').promise;
        }

        get reason() {
            return fieldsOf(this, 'reason').reason;
        }

        static {
            rejectionFields = (value) => (idl.isObject(value) && #fields in value ? value.#fields : undefined);
        }
    }

    function fieldsOf(value, attribute) {
        const fields = rejectionFields(value);
        if (fields === undefined)
            throw idl.illegalInvocation(idl.getting('PromiseRejectionEvent', attribute));
        return fields;
    }

    idl.defineInterface(PromiseRejectionEvent, 'PromiseRejectionEvent');
    idl.exposeInterface('PromiseRejectionEvent', PromiseRejectionEvent);
    defineData(web, 'PromiseRejectionEvent', PromiseRejectionEvent);
})

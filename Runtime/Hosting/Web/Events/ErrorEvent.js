// ErrorEvent (HTML §8.1.4.6): the event of the global object's `error`, which reportError and every
// uncaught exception dispatch (GlobalEvents.js). Adds `web.ErrorEvent` and `web.errorEventFields(value)`
// (its record, or undefined for anything else), which the global `onerror` handler reads to call
// the handler with (message, filename, lineno, colno, error).
(function (primordials, web) {
    'use strict';

    const { defineData } = primordials;
    const { idl, Event, readEventInit } = web;

    let errorEventFields;

    class ErrorEvent extends Event {
        #fields;

        constructor(type, eventInitDict = undefined) {
            const context = idl.constructing('ErrorEvent');
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(type, context);
            const dictionary = idl.toDictionary(eventInitDict, context);
            super(name, dictionary === undefined ? undefined : readEventInit(dictionary, context));
            // ErrorEventInit's own members, in WebIDL's (lexicographic) order.
            const fields = { __proto__: null, colno: 0, error: null, filename: '', lineno: 0, message: '' };
            if (dictionary !== undefined) {
                const colno = dictionary.colno;
                if (colno !== undefined)
                    fields.colno = idl.toUnsignedLong(colno, context);
                const error = dictionary.error;
                if (error !== undefined)
                    fields.error = error;
                const filename = dictionary.filename;
                if (filename !== undefined)
                    fields.filename = idl.toUSVString(filename, context);
                const lineno = dictionary.lineno;
                if (lineno !== undefined)
                    fields.lineno = idl.toUnsignedLong(lineno, context);
                const message = dictionary.message;
                if (message !== undefined)
                    fields.message = idl.toDOMString(message, context);
            }
            this.#fields = fields;
        }

        get message() {
            return fieldsOf(this, 'message').message;
        }

        get filename() {
            return fieldsOf(this, 'filename').filename;
        }

        get lineno() {
            return fieldsOf(this, 'lineno').lineno;
        }

        get colno() {
            return fieldsOf(this, 'colno').colno;
        }

        get error() {
            return fieldsOf(this, 'error').error;
        }

        static {
            errorEventFields = (value) => (idl.isObject(value) && #fields in value ? value.#fields : undefined);
        }
    }

    function fieldsOf(value, attribute) {
        const fields = errorEventFields(value);
        if (fields === undefined)
            throw idl.illegalInvocation(idl.getting('ErrorEvent', attribute));
        return fields;
    }

    idl.defineInterface(ErrorEvent, 'ErrorEvent');
    idl.exposeInterface('ErrorEvent', ErrorEvent);
    defineData(web, 'ErrorEvent', ErrorEvent);
    defineData(web, 'errorEventFields', errorEventFields);
})

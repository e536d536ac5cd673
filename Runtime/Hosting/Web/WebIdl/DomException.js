// DOMException (WebIDL §3.14.1): name, message and the legacy code as brand-checked getters on the
// prototype (never own properties), a prototype that inherits from Error.prototype while the
// constructor itself does not inherit from Error, the legacy code constants, and a stack captured
// as for any Error. Adds `web.DOMException`, `web.domException(message, name)`, `web.isDOMException(value)` and
// `web.domExceptionFields(value)` ({ name, message } from the internal slots, or undefined).
(function (primordials, web) {
    'use strict';

    const { ErrorCaptureStackTrace, ErrorPrototype, ObjectSetPrototypeOf, ObjectFreeze, defineData } = primordials;
    const { idl } = web;

    // WebIDL's table of error names with a legacy code; every other name has code 0.
    const codes = ObjectFreeze({
        __proto__: null,
        IndexSizeError: 1, HierarchyRequestError: 3, WrongDocumentError: 4, InvalidCharacterError: 5,
        NoModificationAllowedError: 7, NotFoundError: 8, NotSupportedError: 9, InUseAttributeError: 10,
        InvalidStateError: 11, SyntaxError: 12, InvalidModificationError: 13, NamespaceError: 14,
        InvalidAccessError: 15, TypeMismatchError: 17, SecurityError: 18, NetworkError: 19, AbortError: 20,
        URLMismatchError: 21, QuotaExceededError: 22, TimeoutError: 23, InvalidNodeTypeError: 24, DataCloneError: 25,
    });

    // The brand check and the internal slots (for structured serialization, which must not see a
    // shadowing own `name`), set by the class's static block, the only place that can name #name.
    let isDOMException;
    let fieldsOf;

    class DOMException {
        #name;
        #message;

        constructor(message = '', name = 'Error') {
            this.#message = idl.toDOMString(message, idl.constructing('DOMException'));
            this.#name = idl.toDOMString(name, idl.constructing('DOMException'));
            ErrorCaptureStackTrace(this);
        }

        get name() {
            if (!isDOMException(this))
                throw idl.illegalInvocation(idl.getting('DOMException', 'name'));
            return this.#name;
        }

        get message() {
            if (!isDOMException(this))
                throw idl.illegalInvocation(idl.getting('DOMException', 'message'));
            return this.#message;
        }

        get code() {
            if (!isDOMException(this))
                throw idl.illegalInvocation(idl.getting('DOMException', 'code'));
            return codes[this.#name] ?? 0;
        }

        static {
            isDOMException = (value) => idl.isObject(value) && #name in value;
            fieldsOf = (value) => ({ __proto__: null, name: value.#name, message: value.#message });
        }
    }

    ObjectSetPrototypeOf(DOMException.prototype, ErrorPrototype);
    idl.defineInterface(DOMException, 'DOMException');
    idl.defineConstants(DOMException, {
        INDEX_SIZE_ERR: 1, DOMSTRING_SIZE_ERR: 2, HIERARCHY_REQUEST_ERR: 3, WRONG_DOCUMENT_ERR: 4,
        INVALID_CHARACTER_ERR: 5, NO_DATA_ALLOWED_ERR: 6, NO_MODIFICATION_ALLOWED_ERR: 7, NOT_FOUND_ERR: 8,
        NOT_SUPPORTED_ERR: 9, INUSE_ATTRIBUTE_ERR: 10, INVALID_STATE_ERR: 11, SYNTAX_ERR: 12,
        INVALID_MODIFICATION_ERR: 13, NAMESPACE_ERR: 14, INVALID_ACCESS_ERR: 15, VALIDATION_ERR: 16,
        TYPE_MISMATCH_ERR: 17, SECURITY_ERR: 18, NETWORK_ERR: 19, ABORT_ERR: 20, URL_MISMATCH_ERR: 21,
        QUOTA_EXCEEDED_ERR: 22, TIMEOUT_ERR: 23, INVALID_NODE_TYPE_ERR: 24, DATA_CLONE_ERR: 25,
    });
    idl.exposeInterface('DOMException', DOMException);

    defineData(web, 'DOMException', DOMException);
    defineData(web, 'isDOMException', isDOMException);
    defineData(web, 'domExceptionFields', (value) => (isDOMException(value) ? fieldsOf(value) : undefined));
    defineData(web, 'domException', function domException(message, name) {
        return new DOMException(message, name);
    });
})

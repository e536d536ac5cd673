// CustomEvent (DOM Standard §2.4): an Event with a `detail`. The type and the dictionary are
// checked here first, so that errors name CustomEvent and each getter of the dictionary runs once
// (Event reads bubbles, cancelable and composed, then this reads detail: WebIDL's member order).
(function (primordials, web) {
    'use strict';

    const { uncurryThis } = primordials;
    const { idl, Event, eventState } = web;
    const initEvent = uncurryThis(Event.prototype.initEvent);

    let customState;

    class CustomEvent extends Event {
        #detail;

        constructor(type, eventInitDict = undefined) {
            const context = idl.constructing('CustomEvent');
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(type, context);
            const dictionary = idl.toDictionary(eventInitDict, context);
            super(name, dictionary);
            const detail = dictionary === undefined ? undefined : dictionary.detail;
            this.#detail = detail === undefined ? null : detail;
        }

        get detail() {
            if (customState(this) === undefined)
                throw idl.illegalInvocation(idl.getting('CustomEvent', 'detail'));
            return this.#detail;
        }

        initCustomEvent(type, bubbles = false, cancelable = false, detail = null) {
            const context = idl.method('CustomEvent', 'initCustomEvent');
            const state = customState(this);
            if (state === undefined)
                throw idl.illegalInvocation(context);
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(type, context);
            if (state.dispatching)
                return;
            initEvent(this, name, idl.toBoolean(bubbles), idl.toBoolean(cancelable));
            this.#detail = detail;
        }

        static {
            customState = (value) => (idl.isObject(value) && #detail in value ? eventState(value) : undefined);
        }
    }

    idl.defineInterface(CustomEvent, 'CustomEvent');
    idl.exposeInterface('CustomEvent', CustomEvent);
})

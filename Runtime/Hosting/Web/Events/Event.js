// Event (DOM Standard §2.2). Each event keeps its state in one private record; EventTarget.js runs
// dispatch on that record through `web.eventState`, so the flags a listener sees (stop propagation,
// canceled, in passive listener) live where no script can reach them. `isTrusted` is an own,
// non-configurable accessor of every instance ([LegacyUnforgeable]), one getter shared by all.
// Adds `web.Event`, `web.eventState(value)` (the record, or undefined for a non-event),
// `web.readEventInit(init, context)` for subclasses' dictionaries, and `web.cancelEvent(state)`.
(function (primordials, web, now) {
    'use strict';

    const { ObjectDefineProperty, defineData } = primordials;
    const { idl } = web;

    const NONE = 0;

    let eventState;

    // The flag a canceling listener sets, unless the event is not cancelable or the listener passive.
    function cancelEvent(state) {
        if (state.cancelable && !state.inPassiveListener)
            state.canceled = true;
    }

    // EventInit's members in WebIDL's order (lexicographic), each read once.
    function readEventInit(init, context) {
        const dictionary = idl.toDictionary(init, context);
        if (dictionary === undefined)
            return { __proto__: null, bubbles: false, cancelable: false, composed: false };
        return {
            __proto__: null,
            bubbles: idl.toBoolean(dictionary.bubbles),
            cancelable: idl.toBoolean(dictionary.cancelable),
            composed: idl.toBoolean(dictionary.composed),
        };
    }

    function stateOf(value, context) {
        const state = eventState(value);
        if (state === undefined)
            throw idl.illegalInvocation(context);
        return state;
    }

    const isTrustedDescriptor = {
        __proto__: null,
        get: { 'get isTrusted'() { return stateOf(this, idl.getting('Event', 'isTrusted')).isTrusted; } }['get isTrusted'],
        enumerable: true,
        configurable: false,
    };

    class Event {
        #state;

        constructor(type, eventInitDict = undefined) {
            const context = idl.constructing('Event');
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(type, context);
            const init = readEventInit(eventInitDict, context);
            this.#state = {
                __proto__: null,
                type: name,
                target: null,
                currentTarget: null,
                eventPhase: NONE,
                bubbles: init.bubbles,
                cancelable: init.cancelable,
                composed: init.composed,
                timeStamp: now(),
                isTrusted: false,
                initialized: true,
                dispatching: false,
                stopPropagation: false,
                stopImmediatePropagation: false,
                canceled: false,
                inPassiveListener: false,
            };
            ObjectDefineProperty(this, 'isTrusted', isTrustedDescriptor);
        }

        get type() {
            return stateOf(this, idl.getting('Event', 'type')).type;
        }

        get target() {
            return stateOf(this, idl.getting('Event', 'target')).target;
        }

        // Legacy alias of target.
        get srcElement() {
            return stateOf(this, idl.getting('Event', 'srcElement')).target;
        }

        get currentTarget() {
            return stateOf(this, idl.getting('Event', 'currentTarget')).currentTarget;
        }

        // A target without a parent: the path is the current target while dispatching, else empty.
        composedPath() {
            const state = stateOf(this, idl.method('Event', 'composedPath'));
            const path = [];
            if (state.currentTarget !== null)
                defineData(path, 0, state.currentTarget);
            return path;
        }

        get eventPhase() {
            return stateOf(this, idl.getting('Event', 'eventPhase')).eventPhase;
        }

        stopPropagation() {
            stateOf(this, idl.method('Event', 'stopPropagation')).stopPropagation = true;
        }

        get cancelBubble() {
            return stateOf(this, idl.getting('Event', 'cancelBubble')).stopPropagation;
        }

        // Setting true stops propagation; setting false does nothing (DOM §2.2).
        set cancelBubble(value) {
            const state = stateOf(this, idl.setting('Event', 'cancelBubble'));
            if (idl.toBoolean(value))
                state.stopPropagation = true;
        }

        stopImmediatePropagation() {
            const state = stateOf(this, idl.method('Event', 'stopImmediatePropagation'));
            state.stopPropagation = true;
            state.stopImmediatePropagation = true;
        }

        get bubbles() {
            return stateOf(this, idl.getting('Event', 'bubbles')).bubbles;
        }

        get cancelable() {
            return stateOf(this, idl.getting('Event', 'cancelable')).cancelable;
        }

        get returnValue() {
            return !stateOf(this, idl.getting('Event', 'returnValue')).canceled;
        }

        // Setting false cancels, as preventDefault does; setting true does nothing.
        set returnValue(value) {
            const state = stateOf(this, idl.setting('Event', 'returnValue'));
            if (!idl.toBoolean(value))
                cancelEvent(state);
        }

        preventDefault() {
            cancelEvent(stateOf(this, idl.method('Event', 'preventDefault')));
        }

        get defaultPrevented() {
            return stateOf(this, idl.getting('Event', 'defaultPrevented')).canceled;
        }

        get composed() {
            return stateOf(this, idl.getting('Event', 'composed')).composed;
        }

        get timeStamp() {
            return stateOf(this, idl.getting('Event', 'timeStamp')).timeStamp;
        }

        initEvent(type, bubbles = false, cancelable = false) {
            const context = idl.method('Event', 'initEvent');
            const state = stateOf(this, context);
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(type, context);
            if (state.dispatching)
                return;
            state.initialized = true;
            state.stopPropagation = false;
            state.stopImmediatePropagation = false;
            state.canceled = false;
            state.isTrusted = false;
            state.target = null;
            state.type = name;
            state.bubbles = idl.toBoolean(bubbles);
            state.cancelable = idl.toBoolean(cancelable);
        }

        static {
            eventState = (value) => (idl.isObject(value) && #state in value ? value.#state : undefined);
        }
    }

    idl.defineInterface(Event, 'Event');
    idl.defineConstants(Event, { NONE, CAPTURING_PHASE: 1, AT_TARGET: 2, BUBBLING_PHASE: 3 });
    idl.exposeInterface('Event', Event);

    defineData(web, 'Event', Event);
    defineData(web, 'eventState', eventState);
    defineData(web, 'readEventInit', readEventInit);
    defineData(web, 'cancelEvent', cancelEvent);
})

// MessageChannel, MessagePort and MessageEvent (HTML §9.4, channel messaging) within one context:
// postMessage structured-clones the message (transferring ArrayBuffers and MessagePorts) and the
// other port receives it as a 'message' event in a later event-loop task, one task per message, so
// libraries that schedule work through a MessageChannel (React's scheduler) get a task without the
// 4 ms clamp of nested timers.
//
// Each port's state is a record: { owner, entangled, queue, started, closed }. Transferring a port
// moves its record to a new MessagePort object and leaves the old one detached. `postTask` asks .NET
// for a turn of the event loop (MessagingInstaller.cs keeps at most one pending); in it, .NET calls
// `deliver` once per message, each call its own outermost call into V8 and so its own task with a
// microtask checkpoint after it. A script that posts millions of messages grows only its own heap.
//
// Adds `web.messagePorts` ({ isPort, isDetached, detach, adopt }) for structured clone.
(function (primordials, web, postTask) {
    'use strict';

    const {
        ArrayPrototypePush, ArrayPrototypeSlice, ObjectDefineProperty, ObjectFreeze,
        ObjectGetOwnPropertyDescriptor, ObjectSetPrototypeOf, FunctionPrototypeCall, SymbolIterator, TypeError, defineData,
    } = primordials;
    const { idl, EventTarget, Event, targetData, fireEvent, defineEventHandler } = web;

    // A first-in first-out queue with O(1) operations (Array.prototype.shift is O(n) on long arrays):
    // items before `head` are taken, and the array is compacted once they are half of it.
    // The arrays have no prototype, so that slicing them consults no `constructor` a script could replace.
    function newQueue() {
        return { __proto__: null, items: ObjectSetPrototypeOf([], null), head: 0 };
    }

    function queueLength(queue) {
        return queue.items.length - queue.head;
    }

    function enqueue(queue, item) {
        ArrayPrototypePush(queue.items, item);
    }

    function dequeue(queue) {
        if (queue.head === queue.items.length)
            return undefined;
        const item = queue.items[queue.head];
        defineData(queue.items, queue.head, undefined);
        queue.head++;
        if (queue.head > 1024 && queue.head * 2 > queue.items.length) {
            queue.items = ObjectSetPrototypeOf(ArrayPrototypeSlice(queue.items, queue.head), null);
            queue.head = 0;
        }
        return item;
    }

    function newRecord() {
        return { __proto__: null, owner: undefined, entangled: null, queue: newQueue(), started: false, closed: false, detached: false };
    }

    // Records with a message to deliver, in the order the messages were posted.
    const ready = newQueue();

    function schedule(record) {
        enqueue(ready, record);
        if (queueLength(ready) === 1)
            postTask();
    }

    // ------------------------------------------------------------------ MessageEvent

    let messageState;

    class MessageEvent extends Event {
        #data;
        #origin;
        #lastEventId;
        #source;
        #ports;

        constructor(type, eventInitDict = undefined) {
            const context = idl.constructing('MessageEvent');
            idl.requireArguments(arguments.length, 1, context);
            const name = idl.toDOMString(type, context);
            const dictionary = idl.toDictionary(eventInitDict, context);
            super(name, dictionary);
            // MessageEventInit's own members, in lexicographic order.
            const data = dictionary === undefined ? undefined : dictionary.data;
            const lastEventId = dictionary === undefined ? undefined : dictionary.lastEventId;
            const origin = dictionary === undefined ? undefined : dictionary.origin;
            const ports = dictionary === undefined ? undefined : dictionary.ports;
            const source = dictionary === undefined ? undefined : dictionary.source;
            this.#data = data === undefined ? null : data;
            this.#lastEventId = lastEventId === undefined ? '' : idl.toDOMString(lastEventId, context);
            this.#origin = origin === undefined ? '' : idl.toUSVString(origin, context);
            this.#ports = ObjectFreeze(ports === undefined ? [] : idl.toSequence(ports, context, (port) => {
                if (portOf(port) === undefined)
                    throw idl.typeError(context, "Failed to convert a value of 'ports' to 'MessagePort'.");
                return port;
            }));
            if (source !== undefined && source !== null && portOf(source) === undefined)
                throw idl.typeError(context, "The 'source' member is not a MessagePort.");
            this.#source = source === undefined ? null : source;
        }

        get data() {
            return check(this, 'data').#data;
        }

        get origin() {
            return check(this, 'origin').#origin;
        }

        get lastEventId() {
            return check(this, 'lastEventId').#lastEventId;
        }

        get source() {
            return check(this, 'source').#source;
        }

        get ports() {
            return check(this, 'ports').#ports;
        }

        static {
            messageState = (value) => idl.isObject(value) && #data in value;
        }
    }

    function check(event, attribute) {
        if (!messageState(event))
            throw idl.illegalInvocation(idl.getting('MessageEvent', attribute));
        return event;
    }

    // ------------------------------------------------------------------ MessagePort

    let portOf;
    let setRecord;
    // Only this file makes ports: `new MessagePort()` is an illegal constructor, as in browsers.
    let constructing;

    class MessagePort extends EventTarget {
        #record;

        constructor() {
            if (constructing === undefined)
                throw new TypeError(`${idl.constructing('MessagePort')}: Illegal constructor`);
            super();
            this.#record = constructing;
            constructing.owner = this;
        }

        postMessage(message, options = undefined) {
            const context = idl.method('MessagePort', 'postMessage');
            const record = recordOf(this, context);
            idl.requireArguments(arguments.length, 1, context);
            // The overloads: postMessage(message, sequence<object> transfer) and
            // postMessage(message, StructuredSerializeOptions options).
            let transfer;
            if (idl.isObject(options) && options[SymbolIterator] !== undefined) {
                transfer = idl.toSequence(options, context, (item) => {
                    if (!idl.isObject(item))
                        throw idl.typeError(context, 'The transfer list may hold only objects.');
                    return item;
                });
            } else {
                transfer = web.transferList(options, context);
            }
            const target = record.entangled;
            for (let i = 0; i < transfer.length; i++) {
                const transferred = portOf(transfer[i]);
                if (transferred === record)
                    throw web.domException(`${context}: a port cannot transfer itself.`, 'DataCloneError');
                if (transferred !== undefined && transferred === target)
                    throw web.domException(`${context}: a port cannot transfer the port it is entangled with.`, 'DataCloneError');
            }
            const serialized = web.serializeWithTransfer(message, transfer, context);
            // A port that is not entangled (closed, or its partner closed) drops the message, as HTML says,
            // after the transfer has happened.
            if (target === null || target.closed)
                return;
            enqueue(target.queue, serialized);
            if (target.started)
                schedule(target);
        }

        start() {
            const record = recordOf(this, idl.method('MessagePort', 'start'));
            start(record);
        }

        close() {
            const record = recordOf(this, idl.method('MessagePort', 'close'));
            record.closed = true;
            record.queue = newQueue();
            if (record.entangled !== null) {
                record.entangled.entangled = null;
                record.entangled = null;
            }
        }

        static {
            portOf = (value) => (idl.isObject(value) && #record in value ? value.#record : undefined);
            setRecord = (port, record) => {
                port.#record = record;
            };
        }
    }

    function recordOf(port, context) {
        const record = portOf(port);
        if (record === undefined)
            throw idl.illegalInvocation(context);
        return record;
    }

    function start(record) {
        if (record.started || record.detached)
            return;
        record.started = true;
        const pending = queueLength(record.queue);
        for (let i = 0; i < pending; i++)
            schedule(record);
    }

    function newPort(record) {
        constructing = record;
        try {
            return new MessagePort();
        } finally {
            constructing = undefined;
        }
    }

    // The event handlers' brand check: a MessagePort, then its EventTarget data.
    function portTargetData(receiver, context) {
        recordOf(receiver, context);
        return targetData(receiver);
    }

    defineEventHandler(MessagePort.prototype, 'MessagePort', 'message', portTargetData);
    defineEventHandler(MessagePort.prototype, 'MessagePort', 'messageerror', portTargetData);
    // Setting onmessage also starts the port (HTML §9.4.4); addEventListener does not.
    {
        const descriptor = ObjectGetOwnPropertyDescriptor(MessagePort.prototype, 'onmessage');
        const set = descriptor.set;
        descriptor.set = { 'set onmessage'(value) {
            FunctionPrototypeCall(set, this, value);
            start(portOf(this));
        } }['set onmessage'];
        ObjectDefineProperty(MessagePort.prototype, 'onmessage', descriptor);
    }

    // ------------------------------------------------------------------ MessageChannel

    let channelPorts;

    class MessageChannel {
        #port1;
        #port2;

        constructor() {
            const first = newRecord();
            const second = newRecord();
            first.entangled = second;
            second.entangled = first;
            this.#port1 = newPort(first);
            this.#port2 = newPort(second);
        }

        get port1() {
            return channelOf(this, 'port1').#port1;
        }

        get port2() {
            return channelOf(this, 'port2').#port2;
        }

        static {
            channelPorts = (value) => idl.isObject(value) && #port1 in value;
        }
    }

    function channelOf(channel, attribute) {
        if (!channelPorts(channel))
            throw idl.illegalInvocation(idl.getting('MessageChannel', attribute));
        return channel;
    }

    // ------------------------------------------------------------------ delivery and transfer

    // One task: the next message, to whichever port owns its record now. Returns whether more are ready.
    function deliver() {
        const record = dequeue(ready);
        if (record !== undefined)
            deliverTo(record);
        return queueLength(ready) > 0;
    }

    function deliverTo(record) {
        if (record.closed || record.detached || !record.started || queueLength(record.queue) === 0)
            return;
        const message = dequeue(record.queue);
        const port = record.owner;
        let received;
        try {
            received = web.deserializeMessage(message);
        } catch {
            fireEvent(port, targetData(port), new MessageEvent('messageerror'));
            return;
        }
        fireEvent(port, targetData(port), new MessageEvent('message', { __proto__: null, data: received.value, ports: received.ports }));
    }

    defineData(web, 'messagePorts', ObjectFreeze({
        __proto__: null,
        isPort: (value) => portOf(value) !== undefined,
        isDetached: (value) => portOf(value).detached,
        // The port's record leaves with the message; the object stays behind, detached.
        detach(port) {
            const record = portOf(port);
            const dead = newRecord();
            dead.detached = true;
            dead.closed = true;
            dead.owner = port;
            setRecord(port, dead);
            // A transferred port starts again disabled: its queue waits for start() or onmessage.
            record.started = false;
            return record;
        },
        adopt(record) {
            return newPort(record);
        },
    }));

    idl.defineInterface(MessageEvent, 'MessageEvent');
    idl.defineInterface(MessagePort, 'MessagePort');
    idl.defineInterface(MessageChannel, 'MessageChannel');
    idl.exposeInterface('MessageEvent', MessageEvent);
    idl.exposeInterface('MessagePort', MessagePort);
    idl.exposeInterface('MessageChannel', MessageChannel);

    return { __proto__: null, deliver };
})

// V8Host data glue: Set and Map conversions (types.md) and batched object and array copies (one
// engine call per object or per chunk of elements instead of one per property), a function of the primordials table like
// Bootstrap.js. Maps and sets are built and read only through the captured intrinsics
// (MapPrototypeSet, SetPrototypeForEach …), never through methods a script could have replaced; a
// value that is not a genuine Map or Set (a Proxy, a look-alike object) fails the intrinsic's brand
// check and reads as null.
(function (primordials) {
    'use strict';

    const {
        Map,
        MapPrototypeForEach,
        ObjectGetPrototypeOf,
        ObjectKeys,
        MapPrototypeGetSize,
        MapPrototypeSet,
        Set,
        SetPrototypeAdd,
        SetPrototypeForEach,
        SetPrototypeGetSize,
        ReflectApply,
        ReflectGet,
        defineData,
        fillList,
        newList,
    } = primordials;

    const MAX_BATCH_CHARS = 1 << 20;

    // The intrinsic Object.prototype: an object literal's prototype, whatever globals say.
    const ObjectPrototype = ObjectGetPrototypeOf({});

    function isMap(value) {
        try {
            MapPrototypeGetSize(value);
            return true;
        } catch {
            return false;
        }
    }

    function isSet(value) {
        try {
            SetPrototypeGetSize(value);
            return true;
        } catch {
            return false;
        }
    }

    return {
        __proto__: null,
        newMap: () => new Map(),
        newSet: () => new Set(),
        mapSet(map, key, value) {
            MapPrototypeSet(map, key, value);
        },
        setAdd(set, value) {
            SetPrototypeAdd(set, value);
        },
        // A plain-data copy in one call: own data properties from (key0, value0, key1, value1, …).
        // Rest parameters are a fresh array (no iterator is consulted, unlike spread).
        objectFrom(...entries) {
            const target = {};
            for (let i = 0; i + 1 < entries.length; i += 2)
                defineData(target, entries[i], entries[i + 1]);
            return target;
        },
        // Appends to an array the glue created, from a tape of rows: -1 then a ready value, or a
        // count n then n key/value pairs of a plain-data copy to create (one call per chunk of a
        // List<Order> instead of one per record).
        appendRows(array, ...tape) {
            fillList(array, list => {
                let next = list.length;
                for (let i = 0; i < tape.length;) {
                    const count = tape[i++];
                    if (count < 0) {
                        list[next++] = tape[i++];
                        continue;
                    }
                    const target = {};
                    for (let j = 0; j < count; j++, i += 2)
                        defineData(target, tape[i], tape[i + 1]);
                    list[next++] = target;
                }
            });
        },
        // Appends items to an array the glue created (its length is its own, unforgeable property).
        appendAll(array, ...items) {
            fillList(array, list => {
                const start = list.length;
                for (let i = 0; i < items.length; i++)
                    list[start + i] = items[i];
            });
        },
        // Batched reads for a .NET receiver (a fast host function, bound once per context so it is
        // not marshalled on every call). `fields` reads properties (inherited ones and getters
        // included, as plain [[Get]]) and `elements` a range of an array; each hands all values to
        // .NET in one fast call, instead of one engine call per value.
        readers(receive) {
            // Strings are copied into .NET as a batch is handed over, before MaxConversionBytes can
            // be checked: a batch with long strings is refused (false) and .NET reads it one value
            // at a time instead.
            function hand(values) {
                let chars = 0;
                for (let i = 0; i < values.length; i++) {
                    const value = values[i];
                    if (typeof value === 'string' && (chars += value.length) > MAX_BATCH_CHARS) return false;
                }
                ReflectApply(receive, undefined, values);
                return true;
            }

            return {
                __proto__: null,
                fields: function fields(source, ...names) {
                    const values = newList();
                    for (let i = 0; i < names.length; i++)
                        values[i] = ReflectGet(source, names[i]);
                    return hand(values);
                },
                // Per element: the element, whether its fields follow (only for objects whose
                // prototype is Object.prototype or null: no class getters or host objects run
                // before .NET has checked the element), then the named fields.
                rows: function rows(array, start, count, ...names) {
                    const values = newList();
                    let k = 0;
                    for (let i = 0; i < count; i++) {
                        const item = ReflectGet(array, start + i);
                        values[k++] = item;
                        let plain = false;
                        if (item !== null && typeof item === 'object') {
                            const proto = ObjectGetPrototypeOf(item);
                            plain = proto === ObjectPrototype || proto === null;
                        }
                        values[k++] = plain;
                        for (let j = 0; j < names.length; j++)
                            values[k++] = plain ? ReflectGet(item, names[j]) : undefined;
                    }
                    return hand(values);
                },
                elements: function elements(array, start, count) {
                    const values = newList();
                    for (let i = 0; i < count; i++)
                        values[i] = ReflectGet(array, start + i);
                    return hand(values);
                },
                // The own enumerable string keys of `source` (Object.keys) from `start`, at most
                // `count` of them, each followed by its value ([[Get]]) when `withValues`. Returns
                // true when those were the last keys, the keys array when more follow (.NET passes
                // it back as `keys` for the next chunk, so Object.keys runs once per read), false
                // when the batch was refused (long strings).
                entries: function entries(source, keys, start, count, withValues) {
                    if (keys === null) keys = ObjectKeys(source);
                    const values = newList();
                    const end = keys.length < start + count ? keys.length : start + count;
                    let k = 0;
                    for (let i = start; i < end; i++) {
                        values[k++] = keys[i];
                        if (withValues) values[k++] = ReflectGet(source, keys[i]);
                    }
                    if (!hand(values)) return false;
                    return end < keys.length ? keys : true;
                },
            };
        },
        // [key0, value0, key1, value1, …] in insertion order, or null for anything but a Map.
        mapEntries(value) {
            if (!isMap(value)) return null;
            const entries = newList();
            let i = 0;
            MapPrototypeForEach(value, (item, key) => {
                entries[i++] = key;
                entries[i++] = item;
            });
            return entries;
        },
        // The elements in insertion order, or null for anything but a Set.
        setValues(value) {
            if (!isSet(value)) return null;
            const values = newList();
            let i = 0;
            SetPrototypeForEach(value, item => {
                values[i++] = item;
            });
            return values;
        },
    };
})

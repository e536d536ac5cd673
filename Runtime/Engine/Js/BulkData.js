// V8Host bulk plain data (issue 16): a whole plain-data graph crosses in one engine call per large
// chunk instead of one per record or property. A function of the primordials table (like
// DataGlue.js), of Bootstrap.js's hostIdOf and of LiveCollections.js's idOf.
//
// .NET → JS: .NET writes the graph as JSON text `[[item…], [patch…]]` and JSONParse (the captured
// intrinsic, V8's fastest way to build objects) builds it. JSON holds what JSON can say exactly
// (strings, as UTF-16 with every code unit kept; finite numbers, -0 included; booleans; null;
// objects and arrays); every other value (NaN, ±Infinity, bigints, Dates, typed arrays, host objects,
// handles, undefined, Maps, Sets …) is an engine value in `side`, and a patch puts it in place:
// `depth, key1 … keyDepth, sideIndex` is a path from the item array (sideIndex -1: the JSON array
// there holds bytes, for a new Uint8Array).
//
// JS → .NET: a walker reads what the .NET type asks for, directed by a schema of field names (so
// [[Get]] runs exactly on the fields the converter reads, inherited ones and getters included) and
// hands the values back as one JSON text of primitives plus the values JSON cannot say exactly.
(function (primordials, hostIdOf, liveIdOf) {
    'use strict';

    const {
        ArrayIsArray,
        JSONParse,
        JSONStringify,
        MathFloor,
        NumberIsFinite,
        ObjectGetPrototypeOf,
        ObjectKeys,
        Uint8Array,
        ObjectSetPrototypeOf,
        ReflectApply,
        ReflectGet,
        defineData,
        fillList,
        newList,
    } = primordials;

    const ObjectPrototype = ObjectGetPrototypeOf({});

    // Schema nodes (Runtime/Engine/Bulk/BulkSchema.cs): 0 a leaf, [1, type] an object of a plain-data
    // type, [2, node] an array whose elements are `node`s, [3, node] a string-keyed dictionary whose
    // values are `node`s. A type is [[name…], [node…]].
    const LEAF = 0;
    const OBJECT = 1;
    const DICTIONARY = 3;

    // A chunk ends after the element that takes it past a bound; an element that takes the chunk
    // past four times a bound is refused and .NET reads it the slow way. Values JSON cannot say are
    // arguments of the receiving call, so they are bounded far below V8's argument limit.
    const CHUNK_VALUES = 1 << 17;
    const CHUNK_CHARS = 1 << 20;
    const CHUNK_SPECIALS = 1 << 12;
    const TOO_BIG = { __proto__: null };
    const TOO_DEEP = { __proto__: null };

    const OTHER = 0;
    const PLAIN_OBJECT = 1;
    const ARRAY = 2;

    // What the walker may read itself: a plain object (its prototype Object.prototype or null, so no
    // class getter runs before .NET has checked it) or an array, neither a host object nor a live
    // view. Anything else (a revoked Proxy too, whose checks throw) goes to .NET as it is.
    function kindOf(value) {
        if (value === null || typeof value !== 'object' || hostIdOf(value) !== undefined || liveIdOf(value) !== undefined) return OTHER;
        try {
            if (ArrayIsArray(value)) return ARRAY;
            const proto = ObjectGetPrototypeOf(value);
            return proto === ObjectPrototype || proto === null ? PLAIN_OBJECT : OTHER;
        } catch {
            return OTHER;
        }
    }

    // Element by element: the constructor would iterate an array through Array.prototype[Symbol.iterator].
    function bytesOf(array) {
        const bytes = new Uint8Array(array.length);
        for (let i = 0; i < array.length; i++) bytes[i] = array[i];
        return bytes;
    }

    return {
        __proto__: null,

        // Builds items from .NET's JSON text and engine values: mode 0 returns the item array, 1 its
        // only item, 2 appends the items to `target` (an array an earlier call of this returned).
        decode(mode, target, text, ...side) {
            const parsed = JSONParse(text);
            const items = parsed[0];
            const patches = parsed[1];
            for (let i = 0; i < patches.length;) {
                const depth = patches[i++];
                let node = items;
                // Every key on the path is an own property JSONParse just defined.
                for (let j = 1; j < depth; j++)
                    node = ReflectGet(node, patches[i++]);
                const key = patches[i++];
                const index = patches[i++];
                defineData(node, key, index >= 0 ? side[index] : bytesOf(ReflectGet(node, key)));
            }
            if (mode === 0) return items;
            if (mode === 1) return items[0];
            fillList(target, list => {
                const start = list.length;
                for (let i = 0; i < items.length; i++)
                    list[start + i] = items[i];
            });
            return target;
        },

        // A reader bound to `receive` (a fast host function). `read` walks `count` elements of `root`
        // from `start` (or, with `count` -1, `root` itself) by the schema text, and calls `receive`
        // once, last (after every getter ran), with the JSON text `[[value…], [position…]]` and the
        // values at those positions of the flat value list. Returns how many elements it read; -1
        // when the strings would exceed `budget` characters (MaxConversionBytes); -2 when the first
        // element alone is too large for one chunk, -3 when it is nested deeper than .NET's limit
        // (.NET reads such an element the per-value way).
        reader(receive) {
            return function read(root, schemaText, start, count, maxLevel, budget) {
                const schema = JSONParse(schemaText);
                const types = schema[0];
                // Lists with a null prototype (primordials newList): no setter on Array.prototype
                // sees an index assignment, and JSONStringify finds no toJSON.
                const values = newList();
                const positions = newList();
                const side = newList();
                let chars = 0;

                function special(value) {
                    positions[positions.length] = values.length;
                    side[side.length] = value;
                    values[values.length] = null;
                }

                function leaf(value) {
                    switch (typeof value) {
                        case 'string':
                            chars += value.length;
                            values[values.length] = value;
                            return;
                        case 'number':
                            // JSON has no NaN or Infinity and writes -0 as 0.
                            if (NumberIsFinite(value) && (value !== 0 || 1 / value > 0)) {
                                values[values.length] = value;
                                return;
                            }
                            break;
                        case 'boolean':
                            values[values.length] = value;
                            return;
                        case 'object':
                            if (value === null) {
                                values[values.length] = null;
                                return;
                            }
                            break;
                    }
                    special(value);
                }

                function walk(value, node, level) {
                    if (values.length > 4 * CHUNK_VALUES || chars > 4 * CHUNK_CHARS || positions.length > 4 * CHUNK_SPECIALS) throw TOO_BIG;
                    if (node === LEAF) {
                        leaf(value);
                        return;
                    }
                    // Where an object or array is read, anything else the walker does not read
                    // itself is a value of the side list, so .NET never takes a primitive for a marker.
                    if (value === null) {
                        values[values.length] = null;
                        return;
                    }
                    // Deeper than .NET's nesting limit (a cycle, say): the per-value read of this
                    // element fails there, level by level, as it always did.
                    if (level >= maxLevel) throw TOO_DEEP;
                    const kind = kindOf(value);
                    if (node[0] === OBJECT) {
                        if (kind !== PLAIN_OBJECT) {
                            special(value);
                            return;
                        }
                        values[values.length] = 0;
                        const type = types[node[1]];
                        const names = type[0];
                        const nodes = type[1];
                        for (let i = 0; i < names.length; i++)
                            walk(ReflectGet(value, names[i]), nodes[i], level + 1);
                        return;
                    }
                    if (node[0] === DICTIONARY) {
                        // As a dictionary read does: own enumerable string keys, each value by [[Get]].
                        if (kind !== PLAIN_OBJECT) {
                            special(value);
                            return;
                        }
                        const keys = ObjectKeys(value);
                        values[values.length] = keys.length;
                        const entry = node[1];
                        for (let i = 0; i < keys.length; i++) {
                            chars += keys[i].length;
                            values[values.length] = keys[i];
                            walk(ReflectGet(value, keys[i]), entry, level + 1);
                        }
                        return;
                    }
                    if (kind !== ARRAY) {
                        special(value);
                        return;
                    }
                    const length = ReflectGet(value, 'length');
                    // A Proxy's length is whatever its trap says: .NET reads such an array itself.
                    if (typeof length !== 'number' || !(length >= 0 && length <= 0xFFFFFFFF) || length !== MathFloor(length)) {
                        special(value);
                        return;
                    }
                    values[values.length] = length;
                    const element = node[1];
                    for (let i = 0; i < length; i++)
                        walk(ReflectGet(value, i), element, level + 1);
                }

                const rootNode = schema[1];
                let read = 0;
                if (count < 0) {
                    try {
                        walk(root, rootNode, 0);
                    } catch (e) {
                        if (e !== TOO_BIG && e !== TOO_DEEP) throw e;
                        return e === TOO_BIG ? -2 : -3;
                    }
                    read = 1;
                } else {
                    for (; read < count; read++) {
                        const mark = values.length;
                        const marks = positions.length;
                        const markChars = chars;
                        try {
                            walk(ReflectGet(root, start + read), rootNode, 0);
                        } catch (e) {
                            if (e !== TOO_BIG && e !== TOO_DEEP) throw e;
                            if (read === 0) return e === TOO_BIG ? -2 : -3;
                            // Not this element: the chunk ends before it.
                            values.length = mark;
                            positions.length = marks;
                            side.length = marks;
                            chars = markChars;
                            break;
                        }
                        if (values.length >= CHUNK_VALUES || chars >= CHUNK_CHARS || positions.length >= CHUNK_SPECIALS) {
                            read++;
                            break;
                        }
                    }
                }
                if (chars > budget) return -1;
                const text = JSONStringify(ObjectSetPrototypeOf([values, positions], null));
                const args = newList();
                args[0] = text;
                for (let i = 0; i < side.length; i++) args[i + 1] = side[i];
                ReflectApply(receive, undefined, args);
                return read;
            };
        },
    };
})

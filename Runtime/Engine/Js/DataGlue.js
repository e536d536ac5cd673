// V8Host data glue: Set and Map conversions (types.md), a function of the primordials table like
// Bootstrap.js. Maps and sets are built and read only through the captured intrinsics
// (MapPrototypeSet, SetPrototypeForEach …), never through methods a script could have replaced; a
// value that is not a genuine Map or Set (a Proxy, a look-alike object) fails the intrinsic's brand
// check and reads as null.
(function (primordials) {
    'use strict';

    const {
        Map,
        MapPrototypeForEach,
        MapPrototypeGetSize,
        MapPrototypeSet,
        Set,
        SetPrototypeAdd,
        SetPrototypeForEach,
        SetPrototypeGetSize,
        defineData,
    } = primordials;

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
        // [key0, value0, key1, value1, …] in insertion order, or null for anything but a Map.
        mapEntries(value) {
            if (!isMap(value)) return null;
            const entries = [];
            let i = 0;
            MapPrototypeForEach(value, (item, key) => {
                defineData(entries, i++, key);
                defineData(entries, i++, item);
            });
            return entries;
        },
        // The elements in insertion order, or null for anything but a Set.
        setValues(value) {
            if (!isSet(value)) return null;
            const values = [];
            let i = 0;
            SetPrototypeForEach(value, item => {
                defineData(values, i++, item);
            });
            return values;
        },
    };
})

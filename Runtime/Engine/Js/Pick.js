// Reads one helper out of a glue table. Functions read with ClearScript's ScriptObject.GetProperty
// are kept as bound property values and cost ~40x more on every later invoke; a function returned
// from a JS call is a plain function object. The tables are frozen and null-prototype, so the read
// runs no script.
(table, key) => table[key]

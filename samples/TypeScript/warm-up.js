// Runs once while baking, after typescript.js: the code cache then also holds what a transpile runs.
// It is not part of the snapshot; contexts started from it never run this file.
ts.transpileModule("enum Color { Red, Green }\nclass Box<T> { constructor(readonly value: T) {} }\nexport const pick = (c: Color): string => Color[c];", {
    compilerOptions: { target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.ESNext },
});

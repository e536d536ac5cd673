// Baked instead of typescript.js when npm could not fetch it (see TypeScript.csproj).
globalThis.compilerMissing = "The TypeScript compiler is not installed: run `npm ci` in samples/TypeScript (it needs Node.js and the npm registry), then build again.";

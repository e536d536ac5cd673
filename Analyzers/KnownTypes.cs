using Microsoft.CodeAnalysis;

namespace V8Host.Analyzers
{
    /// <summary>The V8Host types the analyzers reason about, resolved once per compilation.</summary>
    internal sealed class KnownTypes
    {
        private KnownTypes(Compilation compilation)
        {
            Isolate = compilation.GetTypeByMetadataName("V8Host.Isolate");
            Context = compilation.GetTypeByMetadataName("V8Host.Context");
            ContextBuilder = compilation.GetTypeByMetadataName("V8Host.ContextBuilder");
            SnapshotCreator = compilation.GetTypeByMetadataName("V8Host.SnapshotCreator");
            Scope = compilation.GetTypeByMetadataName("V8Host.Scope");
            JsHandle = compilation.GetTypeByMetadataName("V8Host.JsHandle");
            JsPromise = compilation.GetTypeByMetadataName("V8Host.JsPromise");
            Script = compilation.GetTypeByMetadataName("V8Host.Script");
            Module = compilation.GetTypeByMetadataName("V8Host.Module");
            HostFunctionAttribute = compilation.GetTypeByMetadataName("V8Host.HostFunctionAttribute");
            HostClassAttribute = compilation.GetTypeByMetadataName("V8Host.HostClassAttribute");
        }

        public INamedTypeSymbol? Isolate { get; }

        public INamedTypeSymbol? Context { get; }

        public INamedTypeSymbol? ContextBuilder { get; }

        public INamedTypeSymbol? SnapshotCreator { get; }

        public INamedTypeSymbol? Scope { get; }

        public INamedTypeSymbol? JsHandle { get; }

        public INamedTypeSymbol? JsPromise { get; }

        public INamedTypeSymbol? Script { get; }

        public INamedTypeSymbol? Module { get; }

        public INamedTypeSymbol? HostFunctionAttribute { get; }

        public INamedTypeSymbol? HostClassAttribute { get; }

        /// <summary>Null when the compilation does not reference V8Host: analyzers then do nothing.</summary>
        public static KnownTypes? Create(Compilation compilation)
        {
            var types = new KnownTypes(compilation);
            return types.Context is null ? null : types;
        }

        public bool IsHandle(ITypeSymbol? type)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, JsHandle))
                    return true;
            }

            return false;
        }

        /// <summary>Compiled code of a context (<see cref="Script"/>, <see cref="Module"/>): disposable, and dead with its context.</summary>
        public bool IsCompiledCode(ITypeSymbol? type) => Is(type, Script) || Is(type, Module);

        /// <summary>
        /// Values that die with the context they came from: handles, compiled code, and delegates (a delegate
        /// read from JS wraps a JS function; a lambda may capture a handle).
        /// </summary>
        public bool IsContextBound(ITypeSymbol? type) => IsHandle(type) || IsCompiledCode(type) || type?.TypeKind == TypeKind.Delegate;

        /// <summary>Types whose objects own an isolate (and so must be disposed).</summary>
        public bool OwnsIsolate(ITypeSymbol? type) =>
            Is(type, Isolate) || Is(type, Context) || Is(type, SnapshotCreator) || Is(type, ContextBuilder) || Is(type, Scope);

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) => known is not null && SymbolEqualityComparer.Default.Equals(type, known);
    }
}

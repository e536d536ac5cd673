using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>
    /// Decides, per types.md, how a .NET type crosses into and out of JavaScript, or why it cannot
    /// (with the nearest supported type to suggest).
    /// </summary>
    internal static class TypeClassifier
    {
        private static readonly SymbolDisplayFormat s_fullName = SymbolDisplayFormat.FullyQualifiedFormat
            .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

        public static string FullName(ITypeSymbol type) => type.ToDisplayString(s_fullName);

        /// <summary>Classifies a parameter or return type; returns null with <paramref name="suggestion"/> when unsupported.</summary>
        public static TypeRef? Classify(ITypeSymbol type, bool isReturn, out string suggestion)
        {
            suggestion = string.Empty;
            var fullName = FullName(type);
            var nullableReference = type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;

            if (isReturn && type.SpecialType == SpecialType.System_Void)
                return new TypeRef("void", "void", ValueKind.Void, JsCategory.Any);

            switch (type.SpecialType)
            {
                case SpecialType.System_Boolean:
                    return new TypeRef(fullName, "boolean", ValueKind.Boolean, JsCategory.Boolean);
                case SpecialType.System_Int32:
                    return new TypeRef(fullName, "number", ValueKind.Int32, JsCategory.Number);
                case SpecialType.System_Int64:
                    return new TypeRef(fullName, "number | bigint", ValueKind.Int64, JsCategory.Number);
                case SpecialType.System_UInt64:
                    return new TypeRef(fullName, "number | bigint", ValueKind.Other, JsCategory.Number);
                case SpecialType.System_Double:
                    return new TypeRef(fullName, "number", ValueKind.Double, JsCategory.Number);
                case SpecialType.System_Single:
                    return new TypeRef(fullName, "number", ValueKind.Single, JsCategory.Number);
                case SpecialType.System_Byte:
                case SpecialType.System_SByte:
                case SpecialType.System_Int16:
                case SpecialType.System_UInt16:
                case SpecialType.System_UInt32:
                case SpecialType.System_Decimal:
                    return new TypeRef(fullName, "number", ValueKind.Other, JsCategory.Number);
                case SpecialType.System_Char:
                    return new TypeRef(fullName, "string", ValueKind.Other, JsCategory.String);
                case SpecialType.System_String:
                    return new TypeRef(fullName, nullableReference ? "string | null" : "string", nullableReference ? ValueKind.NullableString : ValueKind.String, JsCategory.String);
                case SpecialType.System_DateTime:
                    return new TypeRef(fullName, "Date", ValueKind.Other, JsCategory.Object);
                case SpecialType.System_Object:
                    return new TypeRef(fullName, "unknown", ValueKind.Other, JsCategory.Any);
            }

            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            switch (name)
            {
                case "global::System.Numerics.BigInteger":
                    return new TypeRef(fullName, "bigint", ValueKind.Other, JsCategory.BigInt);
                case "global::System.DateTimeOffset":
                    return new TypeRef(fullName, "Date", ValueKind.Other, JsCategory.Object);
                case "global::System.ReadOnlyMemory<byte>":
                case "global::System.Memory<byte>":
                    return new TypeRef(fullName, "Uint8Array", ValueKind.Other, JsCategory.Object);
                case "global::V8Host.Context":
                    return isReturn ? Unsupported(out suggestion, "a value, not the context") : new TypeRef(fullName, string.Empty, ValueKind.Context, JsCategory.Any);
                case "global::System.Threading.CancellationToken":
                    return isReturn ? Unsupported(out suggestion, "a value") : new TypeRef(fullName, string.Empty, ValueKind.CancellationToken, JsCategory.Any);
                case "global::V8Host.JsObject":
                    return Reference(fullName, nullableReference, "object", JsCategory.Object);
                case "global::V8Host.JsArray":
                    return Reference(fullName, nullableReference, "unknown[]", JsCategory.Array);
                case "global::V8Host.JsFunction":
                    return Reference(fullName, nullableReference, "Function", JsCategory.Function);
                case "global::V8Host.JsPromise":
                    return Reference(fullName, nullableReference, "Promise<unknown>", JsCategory.Object);
                case "global::V8Host.JsArrayBuffer":
                    return Reference(fullName, nullableReference, "ArrayBuffer", JsCategory.Object);
                case "global::V8Host.JsTypedArray":
                    return Reference(fullName, nullableReference, "ArrayBufferView", JsCategory.Object);
                case "global::V8Host.JsHandle":
                    return Reference(fullName, nullableReference, "object", JsCategory.Any);
                case "global::V8Host.JsUndefined":
                    return new TypeRef(fullName, "undefined", ValueKind.Other, JsCategory.Any);
                case "global::System.Threading.Tasks.Task":
                    return isReturn ? new TypeRef(fullName, "Promise<void>", ValueKind.Other, JsCategory.Object) : Unsupported(out suggestion, "JsPromise");
                case "global::System.Threading.Tasks.ValueTask":
                    return isReturn ? new TypeRef(fullName, "Promise<void>", ValueKind.Other, JsCategory.Object, IsValueTask: true) : Unsupported(out suggestion, "JsPromise");
            }

            if (type.TypeKind == TypeKind.Enum)
            {
                var asString = type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "V8Host.HostEnumAsStringAttribute");
                var members = string.Join(" | ", type.GetMembers().OfType<IFieldSymbol>().Where(f => f.IsConst).Select(f => "\"" + f.Name + "\""));
                return new TypeRef(fullName, asString && isReturn ? members : "number | " + members, ValueKind.Other, JsCategory.Any, IsEnumAsString: asString);
            }

            if (type is INamedTypeSymbol { IsGenericType: true } generic)
            {
                var definition = generic.ConstructedFrom.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
                var arguments = generic.TypeArguments;
                switch (definition)
                {
                    case "global::System.Nullable<T>":
                        var inner = Classify(arguments[0], isReturn, out suggestion);
                        return inner is null ? null : new TypeRef(fullName, inner.TypeScript + " | null", ValueKind.Other, inner.Category);
                    case "global::System.Threading.Tasks.Task<TResult>":
                    case "global::System.Threading.Tasks.ValueTask<TResult>":
                        if (!isReturn)
                            return Unsupported(out suggestion, "JsPromise");
                        var result = Classify(arguments[0], true, out suggestion);
                        return result is null ? null : new TypeRef(fullName, "Promise<" + result.TypeScript + ">", ValueKind.Other, JsCategory.Object, IsValueTask: definition.Contains("ValueTask"));
                    case "global::System.Collections.Generic.List<T>":
                    case "global::System.Collections.Generic.IList<T>":
                    case "global::System.Collections.Generic.IReadOnlyList<T>":
                    case "global::System.Collections.Generic.IEnumerable<T>":
                    case "global::System.Collections.Generic.ICollection<T>":
                    case "global::System.Collections.Generic.IReadOnlyCollection<T>":
                        var element = Classify(arguments[0], isReturn, out suggestion);
                        return element is null ? null : Reference(fullName, nullableReference, Wrap(element.TypeScript) + "[]", JsCategory.Array);
                    case "global::System.Collections.Generic.Dictionary<TKey, TValue>":
                    case "global::System.Collections.Generic.IDictionary<TKey, TValue>":
                    case "global::System.Collections.Generic.IReadOnlyDictionary<TKey, TValue>":
                        if (arguments[0].SpecialType != SpecialType.System_String)
                            return Unsupported(out suggestion, "Dictionary<string, T> (JS object keys are strings)");
                        var value = Classify(arguments[1], isReturn, out suggestion);
                        return value is null ? null : Reference(fullName, nullableReference, "Record<string, " + value.TypeScript + ">", JsCategory.Object);
                }


            }

            if (type is IArrayTypeSymbol array)
            {
                if (array.Rank != 1)
                    return Unsupported(out suggestion, "a jagged array (T[][]) or a list");
                if (array.ElementType.SpecialType == SpecialType.System_Byte)
                    return Reference(fullName, nullableReference, "Uint8Array", JsCategory.Object);
                var element = Classify(array.ElementType, isReturn, out suggestion);
                return element is null ? null : Reference(fullName, nullableReference, Wrap(element.TypeScript) + "[]", JsCategory.Array);
            }

            // Any delegate type wraps a JS function (Func<…>, Action<…>, Predicate<T>, custom delegates).
            if (type is INamedTypeSymbol { TypeKind: TypeKind.Delegate, DelegateInvokeMethod: { } delegateInvoke })
                return Delegate(fullName, nullableReference, delegateInvoke, out suggestion);

            if (type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "V8Host.HostClassAttribute"))
            {
                var jsName = type.GetAttributes().First(a => a.AttributeClass?.ToDisplayString() == "V8Host.HostClassAttribute")
                    .ConstructorArguments.FirstOrDefault().Value as string ?? type.Name;
                return Reference(fullName, nullableReference, jsName, JsCategory.Object);
            }

            return Unsupported(out suggestion, Nearest(type));
        }


        private static TypeRef Reference(string fullName, bool nullable, string typeScript, JsCategory category) =>
            new(fullName, nullable ? typeScript + " | null" : typeScript, nullable ? ValueKind.NullableReference : ValueKind.Other, category);

        private static TypeRef? Delegate(string fullName, bool nullable, IMethodSymbol invoke, out string suggestion)
        {
            suggestion = string.Empty;
            var parameters = invoke.Parameters.Select((p, i) => (p, ts: Classify(p.Type, false, out _)?.TypeScript ?? "unknown")).Select(x => x.p.Name + ": " + x.ts);
            var result = invoke.ReturnsVoid ? "void" : Classify(invoke.ReturnType, true, out _)?.TypeScript ?? "unknown";
            return Reference(fullName, nullable, "((" + string.Join(", ", parameters) + ") => " + result + ")", JsCategory.Function);
        }

        private static string Wrap(string typeScript) => typeScript.Contains(" ") ? "(" + typeScript + ")" : typeScript;

        private static TypeRef? Unsupported(out string suggestion, string nearest)
        {
            suggestion = nearest;
            return null;
        }

        /// <summary>The nearest supported type to suggest for an unsupported one.</summary>
        private static string Nearest(ITypeSymbol type)
        {
            var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
            if (name.StartsWith("global::System.Span<") || name.StartsWith("global::System.ReadOnlySpan<"))
                return "byte[] or ReadOnlyMemory<byte> (spans cannot be stored across the boundary)";
            if (name.StartsWith("global::System.Collections.Generic.HashSet<") || name.StartsWith("global::System.Collections.Generic.ISet<") || name.StartsWith("global::System.Collections.Generic.Queue<") || name.StartsWith("global::System.Collections.Generic.Stack<"))
                return "IReadOnlyList<T> or T[]";
            if (name.StartsWith("global::System.ValueTuple<") || type.IsTupleType)
                return "a [HostClass] type or JsObject";
            switch (name)
            {
                case "global::System.TimeSpan": return "double (milliseconds)";
                case "global::System.DateOnly": return "DateTime";
                case "global::System.TimeOnly": return "double (milliseconds since midnight)";
                case "global::System.Guid": return "string";
                case "global::System.Uri": return "string";
                case "global::System.IntPtr":
                case "global::System.UIntPtr":
                    return "long";
            }

            if (type.TypeKind == TypeKind.Pointer || type.TypeKind == TypeKind.FunctionPointer)
                return "long";
            if (type.TypeKind == TypeKind.Class || type.TypeKind == TypeKind.Struct || type.TypeKind == TypeKind.Interface)
                return "a [HostClass] type (mark '" + type.Name + "' with [HostClass]) or JsObject";
            return "object";
        }
    }
}

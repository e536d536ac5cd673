using System;
using System.Collections.Generic;
using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>
    /// The type table of docs/types.md as code: which .NET types cross, how, and what JavaScript sees.
    /// The generator and the run-time registration both classify through here, so a type is supported,
    /// named and typed the same way on both paths.
    /// </summary>
    internal static class TypeRules
    {
        /// <summary>
        /// Classifies <paramref name="type"/> in <paramref name="position"/>. Plain-data types met on the
        /// way (also nested in collections) are reported to <paramref name="plainData"/>.
        /// <paramref name="decimalAsString"/>: the member carries <c>[HostDecimalAsString]</c>, so its decimals are strings.
        /// </summary>
        public static TypeRule Classify(ITypeView type, TypePosition position, Action<ITypeView>? plainData = null, bool decimalAsString = false)
        {
            var rule = ClassifyCore(type, position, plainData);
            return decimalAsString && rule.IsSupported && MentionsDecimal(type) ? AsDecimalString(rule) : rule;
        }

        /// <summary>Whether a decimal is the type or one of its parts (a nullable or a collection of decimals).</summary>
        private static bool MentionsDecimal(ITypeView type) =>
            type.Known == WellKnownType.Decimal || type.TypeArguments.Any(MentionsDecimal) || (type.ElementType is { } element && MentionsDecimal(element));

        private static TypeRule AsDecimalString(TypeRule rule) => rule with
        {
            TypeScript = rule.TypeScript.Replace("number", "string"),
            Category = rule.Row == TypeRow.Decimal || rule.Row == TypeRow.Nullable ? JsCategory.String : rule.Category,
            DecimalAsString = true,
        };

        private static TypeRule ClassifyCore(ITypeView type, TypePosition position, Action<ITypeView>? plainData)
        {
            var nullable = type.IsNullableAnnotated;
            var copyIsReadOnly = position == TypePosition.MemberReturn;
            switch (type.Known)
            {
                case WellKnownType.Void:
                    return position is TypePosition.Return or TypePosition.MemberReturn
                        ? new TypeRule(TypeRow.Void, ValueKind.Void, JsCategory.Any, "void")
                        : TypeRule.Unsupported("a value type from types.md");
                case WellKnownType.Boolean:
                    return new TypeRule(TypeRow.Boolean, ValueKind.Boolean, JsCategory.Boolean, "boolean");
                case WellKnownType.Int32:
                    return new TypeRule(TypeRow.Integer, ValueKind.Int32, JsCategory.Number, "number");
                case WellKnownType.Int64:
                    return new TypeRule(TypeRow.Integer, ValueKind.Int64, JsCategory.Number, "number | bigint");
                case WellKnownType.UInt64:
                    return new TypeRule(TypeRow.Integer, ValueKind.Other, JsCategory.Number, "number | bigint");
                case WellKnownType.SByte:
                case WellKnownType.Byte:
                case WellKnownType.Int16:
                case WellKnownType.UInt16:
                case WellKnownType.UInt32:
                case WellKnownType.IntPtr:
                case WellKnownType.UIntPtr:
                    return new TypeRule(TypeRow.Integer, ValueKind.Other, JsCategory.Number, "number");
                case WellKnownType.Double:
                    return new TypeRule(TypeRow.FloatingPoint, ValueKind.Double, JsCategory.Number, "number");
                case WellKnownType.Single:
                    return new TypeRule(TypeRow.FloatingPoint, ValueKind.Single, JsCategory.Number, "number");
                case WellKnownType.Half:
                    return new TypeRule(TypeRow.FloatingPoint, ValueKind.Other, JsCategory.Number, "number");
                case WellKnownType.Decimal:
                    return new TypeRule(TypeRow.Decimal, ValueKind.Other, JsCategory.Number, "number");
                case WellKnownType.Char:
                    return new TypeRule(TypeRow.Char, ValueKind.Other, JsCategory.String, "string");
                case WellKnownType.String:
                    return new TypeRule(TypeRow.String, nullable ? ValueKind.NullableString : ValueKind.String, JsCategory.String, nullable ? "string | null" : "string", IsNullable: nullable);
                case WellKnownType.DateTime:
                case WellKnownType.DateTimeOffset:
                    return new TypeRule(TypeRow.Date, ValueKind.Other, JsCategory.Object, "Date");
                case WellKnownType.DateOnly:
                    return new TypeRule(TypeRow.DateOnly, ValueKind.Other, JsCategory.String, "string");
                case WellKnownType.TimeOnly:
                    return new TypeRule(TypeRow.TimeOnly, ValueKind.Other, JsCategory.String, "string");
                case WellKnownType.TimeSpan:
                    return new TypeRule(TypeRow.TimeSpan, ValueKind.Other, JsCategory.Number, "number");
                case WellKnownType.Guid:
                    return new TypeRule(TypeRow.Guid, ValueKind.Other, JsCategory.String, "string");
                case WellKnownType.Uri:
                    return Reference(TypeRow.Uri, nullable, "string", JsCategory.String);
                case WellKnownType.BigInteger:
                    return new TypeRule(TypeRow.BigInteger, ValueKind.Other, JsCategory.BigInt, "bigint");
                case WellKnownType.Object:
                    return new TypeRule(TypeRow.Object, ValueKind.Other, JsCategory.Any, "unknown", IsNullable: true);
                case WellKnownType.Context:
                    return position == TypePosition.Parameter
                        ? new TypeRule(TypeRow.Context, ValueKind.Context, JsCategory.Any, string.Empty)
                        : TypeRule.Unsupported("a value, not the context");
                case WellKnownType.CancellationToken:
                    return position == TypePosition.Parameter
                        ? new TypeRule(TypeRow.CancellationToken, ValueKind.CancellationToken, JsCategory.Any, string.Empty)
                        : TypeRule.Unsupported("a value");
                case WellKnownType.JsObject:
                    return Reference(TypeRow.JsHandle, nullable, "object", JsCategory.Object);
                case WellKnownType.JsArray:
                    return Reference(TypeRow.JsHandle, nullable, "unknown[]", JsCategory.Array);
                case WellKnownType.JsFunction:
                    return Reference(TypeRow.JsHandle, nullable, "Function", JsCategory.Function);
                case WellKnownType.JsPromise:
                    return Reference(TypeRow.JsHandle, nullable, "Promise<unknown>", JsCategory.Object);
                case WellKnownType.JsArrayBuffer:
                    return Reference(TypeRow.JsHandle, nullable, "ArrayBuffer", JsCategory.Object);
                case WellKnownType.JsTypedArray:
                    return Reference(TypeRow.JsHandle, nullable, "ArrayBufferView", JsCategory.Object);
                case WellKnownType.JsHandle:
                    return Reference(TypeRow.JsHandle, nullable, "object", JsCategory.Any);
                case WellKnownType.JsUndefined:
                    return new TypeRule(TypeRow.Undefined, ValueKind.Other, JsCategory.Any, "undefined");
                case WellKnownType.Task:
                case WellKnownType.ValueTask:
                    return IsResult(position)
                        ? new TypeRule(TypeRow.Task, ValueKind.Other, JsCategory.Object, "Promise<void>", IsValueTask: type.Known == WellKnownType.ValueTask)
                        : TypeRule.Unsupported("JsPromise");
                case WellKnownType.TaskOfT:
                case WellKnownType.ValueTaskOfT:
                    if (!IsResult(position))
                        return TypeRule.Unsupported("JsPromise");
                    var result = Classify(type.TypeArguments[0], TypePosition.Return, plainData);
                    return result.IsSupported
                        ? new TypeRule(TypeRow.Task, ValueKind.Other, JsCategory.Object, "Promise<" + result.TypeScript + ">", IsValueTask: type.Known == WellKnownType.ValueTaskOfT)
                        : result;
                case WellKnownType.NullableOfT:
                    var inner = Classify(type.TypeArguments[0], position, plainData);
                    return inner.IsSupported
                        ? new TypeRule(TypeRow.Nullable, ValueKind.Other, inner.Category, inner.TypeScript + " | null", IsNullable: true)
                        : inner;
                case WellKnownType.MemoryOfT:
                case WellKnownType.ReadOnlyMemoryOfT:
                    return type.TypeArguments[0].Known == WellKnownType.Byte
                        ? new TypeRule(TypeRow.Bytes, ValueKind.Other, JsCategory.Object, "Uint8Array")
                        : TypeRule.Unsupported("T[] or a list");
                case WellKnownType.SpanOfT:
                case WellKnownType.ReadOnlySpanOfT:
                    return TypeRule.Unsupported("byte[] or ReadOnlyMemory<byte> (spans cannot be stored across the boundary)");
                case WellKnownType.ListOfT:
                case WellKnownType.IListOfT:
                case WellKnownType.ICollectionOfT:
                    return Sequence(type, position, plainData, live: position == TypePosition.MemberReturn);
                case WellKnownType.IEnumerableOfT:
                case WellKnownType.IReadOnlyListOfT:
                case WellKnownType.IReadOnlyCollectionOfT:
                    return Sequence(type, position, plainData, live: false);
                case WellKnownType.HashSetOfT:
                case WellKnownType.ISetOfT:
                case WellKnownType.IReadOnlySetOfT:
                    var member = Classify(type.TypeArguments[0], TypePosition.Element, plainData);
                    if (!member.IsSupported)
                        return member;
                    var liveSet = position == TypePosition.MemberReturn && type.Known != WellKnownType.IReadOnlySetOfT;
                    return Reference(TypeRow.Set, nullable, (copyIsReadOnly && !liveSet ? "ReadonlySet<" : "Set<") + member.TypeScript + ">", JsCategory.Object, liveSet, member.IsNullable);
                case WellKnownType.DictionaryOfTKeyTValue:
                case WellKnownType.IDictionaryOfTKeyTValue:
                case WellKnownType.IReadOnlyDictionaryOfTKeyTValue:
                    return Dictionary(type, position, plainData);
                case WellKnownType.ValueTuple:
                    var items = type.TypeArguments.Select(t => Classify(t, TypePosition.Element, plainData)).ToList();
                    if (items.FirstOrDefault(i => !i.IsSupported) is { } badItem)
                        return badItem;
                    return new TypeRule(TypeRow.Tuple, ValueKind.Other, JsCategory.Array, (copyIsReadOnly ? "readonly [" : "[") + string.Join(", ", items.Select(i => i.TypeScript)) + "]");
                case WellKnownType.Stream:
                    return TypeRule.Unsupported("byte[] or ReadOnlyMemory<byte>");
            }

            switch (type.Shape)
            {
                case TypeShape.Enum:
                    var asString = type.HasAttribute(BindingContract.HostEnumAsStringAttribute);
                    var names = string.Join(" | ", type.EnumMemberNames.Select(n => "\"" + n + "\""));
                    var typeScript = position == TypePosition.Parameter ? "number | " + names : asString ? names : "number";
                    return new TypeRule(TypeRow.Enum, ValueKind.Other, asString && position != TypePosition.Parameter ? JsCategory.String : JsCategory.Any, typeScript, IsEnumAsString: asString);
                case TypeShape.Array:
                    if (type.ArrayRank != 1)
                        return TypeRule.Unsupported("a jagged array (T[][]) or a list");
                    if (type.ElementType!.Known == WellKnownType.Byte)
                        return Reference(TypeRow.Bytes, nullable, "Uint8Array", JsCategory.Object);
                    return Sequence(type, position, plainData, live: false);
                case TypeShape.Delegate:
                    return Delegate(type, nullable);
                case TypeShape.Pointer:
                    return TypeRule.Unsupported("long");
                case TypeShape.TypeParameter:
                    return TypeRule.Unsupported("a concrete type (JavaScript cannot supply type arguments)");
                case TypeShape.Unknown:
                    return TypeRule.Unsupported("object or JsHandle");
            }

            if (type.HasAttribute(BindingContract.HostClassAttribute))
                return Reference(TypeRow.HostClass, nullable, type.AttributeName(BindingContract.HostClassAttribute) ?? type.Name, JsCategory.Object);

            if (PlainDataRules.IsPlainData(type))
            {
                plainData?.Invoke(type);
                return Reference(TypeRow.PlainData, nullable, type.Name, JsCategory.Object);
            }

            return TypeRule.Unsupported(Nearest(type));
        }

        /// <summary>A value, a result or an element: where a Task may appear.</summary>
        private static bool IsResult(TypePosition position) => position is TypePosition.Return or TypePosition.MemberReturn;

        private static TypeRule Sequence(ITypeView type, TypePosition position, Action<ITypeView>? plainData, bool live)
        {
            var elementType = type.ElementType ?? type.TypeArguments[0];
            var element = Classify(elementType, TypePosition.Element, plainData);
            if (!element.IsSupported)
                return element;
            var readOnly = position == TypePosition.MemberReturn && !live ? "readonly " : string.Empty;
            return Reference(TypeRow.List, type.IsNullableAnnotated, readOnly + Wrap(element.TypeScript) + "[]", JsCategory.Array, live, element.IsNullable);
        }

        private static TypeRule Dictionary(ITypeView type, TypePosition position, Action<ITypeView>? plainData)
        {
            var key = Classify(type.TypeArguments[0], TypePosition.Element, plainData);
            var value = Classify(type.TypeArguments[1], TypePosition.Element, plainData);
            if (!key.IsSupported)
                return key;
            if (!value.IsSupported)
                return value;
            var mutable = type.Known != WellKnownType.IReadOnlyDictionaryOfTKeyTValue;
            if (type.TypeArguments[0].Known == WellKnownType.String)
            {
                var live = position == TypePosition.MemberReturn && mutable;
                var record = "Record<string, " + value.TypeScript + ">";
                return Reference(TypeRow.Dictionary, type.IsNullableAnnotated, position == TypePosition.MemberReturn && !live ? "Readonly<" + record + ">" : record, JsCategory.Object, live, value.IsNullable);
            }

            // Non-string keys cross as a Map (a copy: a live view is for string keys only).
            var map = (position == TypePosition.MemberReturn ? "ReadonlyMap<" : "Map<") + key.TypeScript + ", " + value.TypeScript + ">";
            return Reference(TypeRow.Map, type.IsNullableAnnotated, map, JsCategory.Object, false, value.IsNullable);
        }

        private static TypeRule Reference(TypeRow row, bool nullable, string typeScript, JsCategory category, bool live = false, bool nullElements = false) =>
            new(row, nullable ? ValueKind.NullableReference : ValueKind.Other, category, nullable ? typeScript + " | null" : typeScript, IsNullable: nullable, IsLive: live, NullElements: nullElements);

        private static TypeRule Delegate(ITypeView type, bool nullable)
        {
            var parameters = type.DelegateParameters.Select(p => p.Key + ": " + TypeScriptOf(Classify(p.Value, TypePosition.Element)));
            var result = type.DelegateReturn is null ? "void" : TypeScriptOf(Classify(type.DelegateReturn, TypePosition.Return));
            return Reference(TypeRow.Delegate, nullable, "((" + string.Join(", ", parameters) + ") => " + result + ")", JsCategory.Function);
        }

        private static string TypeScriptOf(TypeRule rule) => rule.IsSupported ? rule.TypeScript : "unknown";

        private static string Wrap(string typeScript) => typeScript.Contains(" ") ? "(" + typeScript + ")" : typeScript;

        /// <summary>The nearest supported type to suggest for an unsupported one.</summary>
        private static string Nearest(ITypeView type)
        {
            if (type.IsEnumerable)
                return "T[], List<T> or IReadOnlyList<T>";
            if (type.Shape == TypeShape.Interface)
                return "a concrete class or record (plain data), a [HostClass] type or JsObject";
            if (type.IsGeneric)
                return "a non-generic [HostClass] type or JsObject";
            if (PlainData.IsPlatformType(type.Namespace))
                return "a [HostClass] type or plain data of your own, or JsObject";
            return "a [HostClass] type (mark '" + type.Name + "' with [HostClass]), a record of plain data, or JsObject";
        }
    }
}

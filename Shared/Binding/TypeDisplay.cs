using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>How messages spell a .NET type (<c>List&lt;Stream&gt;</c>, <c>int[,]</c>, <c>(int, string)</c>): one spelling for both paths.</summary>
    internal static class TypeDisplay
    {
        public static string Of(ITypeView type)
        {
            if (Keyword(type.Known) is { } keyword)
                return keyword;
            switch (type.Known)
            {
                case WellKnownType.NullableOfT:
                    return Of(type.TypeArguments[0]) + "?";
                case WellKnownType.ValueTuple:
                    return "(" + string.Join(", ", type.TypeArguments.Select(Of)) + ")";
            }

            if (type.Shape == TypeShape.Array && type.ElementType is { } element)
                return Of(element) + "[" + new string(',', type.ArrayRank - 1) + "]";
            return type.TypeArguments.Count == 0 || type.Shape == TypeShape.Pointer
                ? type.DisplayName
                : type.Name + "<" + string.Join(", ", type.TypeArguments.Select(Of)) + ">";
        }

        private static string? Keyword(WellKnownType type) => type switch
        {
            WellKnownType.Void => "void",
            WellKnownType.Object => "object",
            WellKnownType.Boolean => "bool",
            WellKnownType.Char => "char",
            WellKnownType.SByte => "sbyte",
            WellKnownType.Byte => "byte",
            WellKnownType.Int16 => "short",
            WellKnownType.UInt16 => "ushort",
            WellKnownType.Int32 => "int",
            WellKnownType.UInt32 => "uint",
            WellKnownType.Int64 => "long",
            WellKnownType.UInt64 => "ulong",
            WellKnownType.IntPtr => "nint",
            WellKnownType.UIntPtr => "nuint",
            WellKnownType.Single => "float",
            WellKnownType.Double => "double",
            WellKnownType.Decimal => "decimal",
            WellKnownType.String => "string",
            _ => null,
        };
    }
}

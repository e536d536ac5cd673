namespace V8Host.Shared.Binding
{
    /// <summary>The plain-data rule of <see cref="PlainData"/> applied to a type as the binding rules see it.</summary>
    internal static class PlainDataRules
    {
        /// <summary>Whether <paramref name="type"/> crosses by value as a plain JS object (api.md §5).</summary>
        public static bool IsPlainData(ITypeView type) =>
            type.Known == WellKnownType.None
            && PlainData.IsPlainDataCandidate(
                type.Namespace,
                type.Namespace is null ? type.Name : type.Namespace + "." + type.Name,
                type.Shape is TypeShape.Class or TypeShape.Struct,
                type.IsAbstract,
                type.IsGeneric,
                type.IsEnumerable,
                type.Shape == TypeShape.Delegate,
                type.HasAttribute(BindingContract.HostClassAttribute));
    }
}

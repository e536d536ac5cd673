using Microsoft.CodeAnalysis;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Parsing
{
    /// <summary>Reads <c>[assembly: HostNaming(...)]</c>; camelCase when absent.</summary>
    internal static class NamingParser
    {
        public static NamingPolicy Read(Compilation compilation)
        {
            var attribute = KnownTypes.For(compilation).Attribute(compilation.Assembly, BindingContract.HostNamingAttribute);
            return new NamingPolicy(attribute is { ConstructorArguments.Length: > 0 } && attribute.ConstructorArguments[0].Value is int policy && policy == BindingContract.NamingAsDeclared);
        }
    }
}

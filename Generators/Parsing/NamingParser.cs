using System.Linq;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;

namespace V8Host.Generators.Parsing
{
    /// <summary>Reads <c>[assembly: HostNaming(...)]</c>; camelCase when absent.</summary>
    internal static class NamingParser
    {
        public static NamingPolicy Read(Compilation compilation)
        {
            var attribute = compilation.Assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == "V8Host.HostNamingAttribute");
            // HostNamingPolicy.AsDeclared == 1.
            return new NamingPolicy(attribute?.ConstructorArguments.FirstOrDefault().Value is int policy && policy == 1);
        }
    }
}

using System.Linq;

namespace V8Host.Generators.Emitting
{
    /// <summary>Turns JS names into C# identifier fragments for generated member names (validation lives in V8Host.Shared.JsNaming).</summary>
    internal static class JsNames
    {
        public static string Mangle(string name) => new(name.Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
    }
}

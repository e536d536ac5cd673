// The names generated code, the runtime and the analyzers agree on. Compiled into all three.
namespace V8Host.Shared.Binding
{
    /// <summary>The contract between declarations, generated code and the runtime: attribute and member names, prefixes, error kinds.</summary>
    internal static class BindingContract
    {
        public const string HostClassAttribute = "V8Host.HostClassAttribute";
        public const string HostFunctionAttribute = "V8Host.HostFunctionAttribute";
        public const string HostModuleAttribute = "V8Host.HostModuleAttribute";
        public const string HostProfileAttribute = "V8Host.HostProfileAttribute";
        public const string HostNameAttribute = "V8Host.HostNameAttribute";
        public const string HostIgnoreAttribute = "V8Host.HostIgnoreAttribute";
        public const string HostEnumAsStringAttribute = "V8Host.HostEnumAsStringAttribute";
        public const string HostNamingAttribute = "V8Host.HostNamingAttribute";
        public const string HostDataAttribute = "V8Host.HostDataAttribute";
        public const string HostDecimalAsStringAttribute = "V8Host.HostDecimalAsStringAttribute";
        public const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";

        /// <summary><c>HostNamingPolicy.AsDeclared</c>: names as written in C#.</summary>
        public const int NamingAsDeclared = 1;

        /// <summary>The static property a generated host class exposes its binding through.</summary>
        public const string ClassBindingMember = "V8HostBinding";

        /// <summary>The static property listing a type's generated <c>[HostFunction]</c> bindings.</summary>
        public const string FunctionsMember = "V8HostFunctions";

        /// <summary>The static property a generated host module exposes its binding through.</summary>
        public const string ModuleMember = "V8HostModule";

        /// <summary>The static property holding a generated profile's shared instance.</summary>
        public const string ProfileInstanceMember = "Instance";

        /// <summary>Host modules are imported as <c>host:</c> + name.</summary>
        public const string ModulePrefix = "host:";

        /// <summary>The name JS sees for a constructor's overload set.</summary>
        public const string ConstructorName = "constructor";
    }

    /// <summary>The JS error a failed conversion or host call raises; the numbers cross into the glue.</summary>
    internal enum JsErrorKind
    {
        Error = 0,
        TypeError = 1,
        RangeError = 2,
    }
}

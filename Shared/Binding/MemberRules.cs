namespace V8Host.Shared.Binding
{
    /// <summary>The facts about a member that decide whether a host class or function set binds it.</summary>
    internal readonly struct MemberFacts
    {
        public MemberFacts(MemberKind kind, string name, bool isPublic, bool isStatic, bool isInherited, bool isIgnored, bool isCompilerGenerated, bool isSpecialName, bool overridesObjectMember)
        {
            Kind = kind;
            Name = name;
            IsPublic = isPublic;
            IsStatic = isStatic;
            IsInherited = isInherited;
            IsIgnored = isIgnored;
            IsCompilerGenerated = isCompilerGenerated;
            IsSpecialName = isSpecialName;
            OverridesObjectMember = overridesObjectMember;
        }

        public MemberKind Kind { get; }

        public string Name { get; }

        public bool IsPublic { get; }

        public bool IsStatic { get; }

        /// <summary>Declared by a base type of the bound type.</summary>
        public bool IsInherited { get; }

        /// <summary>Carries <c>[HostIgnore]</c>.</summary>
        public bool IsIgnored { get; }

        /// <summary>Made by the compiler (a record's Equals, PrintMembers, Deconstruct, EqualityContract, clone method).</summary>
        public bool IsCompilerGenerated { get; }

        /// <summary>An accessor, operator or other method with a special name.</summary>
        public bool IsSpecialName { get; }

        /// <summary>Overrides one of <see cref="object"/>'s virtual methods (ToString, Equals, GetHashCode).</summary>
        public bool OverridesObjectMember { get; }
    }

    /// <summary>Member selection: which members of a type JavaScript sees. One rule for both paths.</summary>
    internal static class MemberRules
    {
        /// <summary>
        /// Public members the user wrote, minus <c>[HostIgnore]</c>. <see cref="object"/>'s members and their
        /// overrides are .NET plumbing, not API; a base type's constructors and statics belong to the base
        /// (the bound class is its own JS class). <c>Deconstruct</c> is C#'s deconstruction pattern.
        /// </summary>
        public static bool IsCandidate(in MemberFacts member)
        {
            if (!member.IsPublic || member.IsIgnored || member.IsCompilerGenerated || member.OverridesObjectMember)
                return false;
            if (member.IsInherited && (member.IsStatic || member.Kind == MemberKind.Constructor))
                return false;
            if (member.Kind == MemberKind.Constructor)
                return !member.IsStatic;
            if (member.Kind == MemberKind.Method)
                return !member.IsSpecialName && member.Name != "Deconstruct";
            return true;
        }

        /// <summary>Members the generator added to a type (its binding properties and invokers): plumbing, never API.</summary>
        public static bool IsGeneratedBinding(string name) =>
            name == BindingContract.ClassBindingMember || name == BindingContract.FunctionsMember || name == BindingContract.ModuleMember
            || name.StartsWith("__V8Host", System.StringComparison.Ordinal);

        /// <summary>
        /// The order value members take (host-class accessors, plain-data keys): properties, then fields, each as
        /// declared. Reflection cannot interleave the two as the source did, so neither path does.
        /// </summary>
        public static int ValueMemberOrder(bool isField) => isField ? 1 : 0;

        /// <summary>The explicit JS name: <c>[HostName]</c>, else the name given to <c>[HostFunction]</c> (on any method, host class members included).</summary>
        public static string? ExplicitName(string? hostName, string? hostFunctionName) => hostName ?? hostFunctionName;

        /// <summary>The key under which a more derived member hides or overrides a base one.</summary>
        public static string HidingKey(MemberKind kind, string name, System.Collections.Generic.IEnumerable<string> parameterTypes) =>
            kind is MemberKind.Method or MemberKind.Constructor ? name + "(" + string.Join(",", parameterTypes) + ")" : name;
    }
}

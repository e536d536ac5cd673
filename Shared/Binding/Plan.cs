namespace V8Host.Shared.Binding
{
    /// <summary>How a parameter is supplied.</summary>
    internal enum ParameterKind
    {
        /// <summary>The next JS argument.</summary>
        Argument,

        /// <summary>The remaining JS arguments (<c>params T[]</c>).</summary>
        Rest,

        /// <summary>The calling context.</summary>
        Context,

        /// <summary>Cancelled when execution is terminated or the context disposed.</summary>
        CancellationToken,
    }

    /// <param name="JsIndex">The JS argument it reads (the first one for rest; -1 when supplied by the runtime).</param>
    internal sealed record ParameterPlan(string Name, ParameterKind Kind, TypeRule Type, string TypeName, int JsIndex, bool IsOptional, string? DefaultLiteral);

    /// <summary>One overload, with the argument counts it accepts.</summary>
    /// <param name="Member">Index into the declarations the plan was made from (the runtime finds its MethodBase there).</param>
    /// <param name="Maximum">Most JS arguments it takes; <see cref="int.MaxValue"/> with rest.</param>
    /// <param name="TypeChecks">Whether dispatch must check JS argument types (another overload accepts the same count).</param>
    internal sealed record MethodPlan(string ClrName, int Member, EquatableArray<ParameterPlan> Parameters, TypeRule Return, string ReturnTypeName, int Required, int Maximum, bool TypeChecks);

    /// <summary>
    /// Methods sharing one JS name, in dispatch order. JS has no overloads: a call takes the first
    /// overload whose argument count (then, where needed, JS argument types) matches.
    /// </summary>
    /// <param name="DisplayName">How errors name the function (<c>Item.describe</c>, <c>new Item</c>, <c>math.add</c>).</param>
    /// <param name="Length">The JS function's <c>length</c>.</param>
    /// <param name="Arities">The accepted counts for the arity error ("1 or 2").</param>
    /// <param name="Signatures">The JS signatures for the overload error ("(format: string) or (verbose: boolean)").</param>
    internal sealed record OverloadSetPlan(string JsName, string DisplayName, bool IsStatic, EquatableArray<MethodPlan> Overloads, int Length, string Arities, string Signatures)
    {
        /// <summary>One overload: it is called whatever the count (missing arguments are errors, extra ones ignored, as in JS).</summary>
        public bool IsSingle => Overloads.Count == 1;

        /// <summary>Whether a call that matches no overload is an overload-type error rather than an arity error.</summary>
        public bool ReportsSignatures => System.Linq.Enumerable.Any(Overloads, o => o.TypeChecks);

        /// <summary>
        /// The JS arguments (bit i: argument i) always read as bytes: byte[], Memory&lt;byte&gt; or
        /// ReadOnlyMemory&lt;byte&gt;. The glue copies a Uint8Array passed there into the transfer buffer and
        /// passes a number in its place, so that ClearScript never wraps the array. Only for a single
        /// overload, since choosing between overloads reads each argument's JS type.
        /// </summary>
        public int ByteArguments
        {
            get
            {
                if (!IsSingle)
                    return 0;
                var mask = 0;
                foreach (var parameter in Overloads[0].Parameters)
                {
                    if (parameter.Kind == ParameterKind.Argument && parameter.Type.Row == TypeRow.Bytes && parameter.JsIndex < 31)
                        mask |= 1 << parameter.JsIndex;
                }

                return mask;
            }
        }
    }

    /// <param name="DisplayName">How errors name the property (<c>Item.quantity</c>).</param>
    /// <param name="WriteType">The rule for values JS assigns; null when read-only.</param>
    internal sealed record PropertyPlan(string ClrName, int Member, string JsName, string DisplayName, bool IsStatic, TypeRule Type, string TypeName, TypeRule? WriteType)
    {
        public bool CanWrite => WriteType is not null;
    }

    /// <summary>What JavaScript sees of a host class.</summary>
    internal sealed record ClassPlan(string JsName, OverloadSetPlan? Constructors, EquatableArray<OverloadSetPlan> Methods, EquatableArray<PropertyPlan> Properties);

    /// <summary>A set of global functions, or a host module's exports (<see cref="ModuleName"/> set).</summary>
    internal sealed record FunctionSetPlan(string? ModuleName, EquatableArray<OverloadSetPlan> Functions);
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Writes the straight-line conversion code of one host call from its plan: each argument read with
    /// the accessor its <see cref="ValueKind"/> picks (fast typed reads, or the runtime's marshaller), the
    /// call, the result written the same way. Overload sets become the planned count-then-type dispatch,
    /// the one the reflection path runs too.
    /// </summary>
    internal static class InvokerEmitter
    {
        public const string Args = "global::V8Host.Binding.HostArgs";
        public const string Result = "global::V8Host.Binding.HostResult";

        /// <summary>
        /// Writes the dispatch over <paramref name="set"/>. <paramref name="call"/> turns a method and its
        /// argument list into the call expression; <paramref name="isConstructor"/> returns the new instance.
        /// </summary>
        public static void WriteDispatch(CodeWriter writer, OverloadSetPlan set, System.Func<MethodPlan, string, string> call, bool isConstructor)
        {
            foreach (var method in set.Overloads)
            {
                var invocation = call(method, string.Join(", ", Arguments(method, set.DisplayName)));
                if (set.IsSingle)
                {
                    WriteCall(writer, method, invocation, isConstructor, set.DisplayName);
                    return;
                }

                writer.Open("if (" + string.Join(" && ", Conditions(method)) + ")");
                WriteCall(writer, method, invocation, isConstructor, set.DisplayName);
                if (!isConstructor)
                    writer.Line("return;");
                writer.Close();
            }

            writer.Line(set.ReportsSignatures
                ? $"throw args.OverloadError(member: {CodeWriter.Literal(set.DisplayName)}, signatures: {CodeWriter.Literal(set.Signatures)});"
                : $"throw args.ArityError(member: {CodeWriter.Literal(set.DisplayName)}, expected: {CodeWriter.Literal(set.Arities)});");
        }

        /// <summary>The planned dispatch test of one overload: the argument count, then JS types where another overload takes the same count.</summary>
        private static IEnumerable<string> Conditions(MethodPlan method)
        {
            if (method.Required == method.Maximum)
            {
                yield return "args.Count == " + Number(method.Required);
            }
            else
            {
                yield return "args.Count >= " + Number(method.Required);
                if (method.Maximum != int.MaxValue)
                    yield return "args.Count <= " + Number(method.Maximum);
            }

            if (!method.TypeChecks)
                yield break;
            foreach (var parameter in OverloadRules.CheckedArguments(method))
                yield return $"(args.IsMissing({Number(parameter.JsIndex)}) || args.Is({Number(parameter.JsIndex)}, global::V8Host.Binding.JsValueKind.{parameter.Type.Category}))";
        }

        private static void WriteCall(CodeWriter writer, MethodPlan method, string call, bool isConstructor, string member)
        {
            if (isConstructor)
                writer.Line("return " + call + ";");
            else
                WriteResult(writer, method.Return, call, member);
        }

        /// <summary>Writes <paramref name="expression"/> as the call's JS result, with the setter its type needs; <paramref name="member"/> names a live view in its errors.</summary>
        public static void WriteResult(CodeWriter writer, TypeRule type, string expression, string member)
        {
            switch (type.Kind)
            {
                case ValueKind.Void:
                    writer.Line(expression + ";");
                    writer.Line("result.SetUndefined();");
                    break;
                case ValueKind.Boolean:
                case ValueKind.Int32:
                case ValueKind.Double:
                case ValueKind.String:
                case ValueKind.NullableString:
                    writer.Line("result.Set(" + expression + ");");
                    break;
                case ValueKind.Single:
                    writer.Line("result.Set((double)" + expression + ");");
                    break;
                default:
                    if (type.IsLive)
                        writer.Line("result.SetLive(" + expression + ", " + CodeWriter.Literal(member) + ");");
                    else if (type.DecimalAsString)
                        writer.Line("result.SetDecimalAsString(" + expression + ");");
                    else if (type.Row is TypeRow.Decimal or TypeRow.Nullable)
                        writer.Line("result.SetObject(" + expression + ", " + CodeWriter.Literal(member) + ");"); // a decimal may have no exact JS number
                    else
                        writer.Line("result.SetObject(" + (type.IsValueTask ? expression + ".AsTask()" : type.IsEnumAsString ? expression + ".ToString()" : expression) + ");");
                    break;
            }
        }

        /// <summary>The C# expression reading JS argument <paramref name="index"/> as <paramref name="typeName"/>; names are C# literals.</summary>
        public static string Read(TypeRule type, string typeName, string index, string member, string name) => type.DecimalAsString
            ? $"args.GetDecimalAsString<{typeName}>({index}, {member}, {name})"
            : type.Kind switch
        {
            ValueKind.Boolean => $"args.GetBoolean({index}, {member}, {name})",
            ValueKind.Int32 => $"args.GetInt32({index}, {member}, {name})",
            ValueKind.Int64 => $"args.GetInt64({index}, {member}, {name})",
            ValueKind.Double => $"args.GetDouble({index}, {member}, {name})",
            ValueKind.Single => $"args.GetSingle({index}, {member}, {name})",
            ValueKind.String => $"args.GetString({index}, {member}, {name})",
            ValueKind.NullableString => $"args.GetNullableString({index}, {member}, {name})",
            ValueKind.NullableReference => $"args.GetNullable<{typeName.TrimEnd('?')}>({index}, {member}, {name}{NullElements(type)})",
            _ => $"args.Get<{typeName}>({index}, {member}, {name}{NullElements(type)})",
        };

        /// <summary>Collections whose element types are nullable accept null elements (the runtime cannot see the annotation).</summary>
        private static string NullElements(TypeRule type) => type.NullElements ? ", nullElements: true" : string.Empty;

        /// <summary>The C# expression for each parameter, reading JS arguments in order.</summary>
        private static IEnumerable<string> Arguments(MethodPlan method, string displayName)
        {
            var member = CodeWriter.Literal(displayName);
            foreach (var parameter in method.Parameters)
            {
                var name = CodeWriter.Literal(parameter.Name);
                var i = Number(parameter.JsIndex);
                switch (parameter.Kind)
                {
                    case ParameterKind.Context:
                        yield return "args.Context";
                        break;
                    case ParameterKind.CancellationToken:
                        yield return "args.CancellationToken";
                        break;
                    case ParameterKind.Rest:
                        yield return $"args.GetRest<{parameter.TypeName}>({i}, {member}, {name}{(parameter.Type.IsNullable ? ", nullElements: true" : string.Empty)})";
                        break;
                    default:
                        var read = Read(parameter.Type, parameter.TypeName, i, member, name);
                        yield return parameter.IsOptional ? $"(args.IsMissing({i}) ? {parameter.DefaultLiteral} : {read})" : read;
                        break;
                }
            }
        }

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using V8Host.Generators.Model;

namespace V8Host.Generators.Emitting
{
    /// <summary>
    /// Writes the straight-line conversion code of one host call: each argument read with the getter
    /// its type needs, the call, the result written with the setter its type needs. Overloads become
    /// an arity (then JS type) dispatch.
    /// </summary>
    internal static class InvokerEmitter
    {
        public const string Args = "global::V8Host.Binding.HostArgs";
        public const string Result = "global::V8Host.Binding.HostResult";

        /// <summary>
        /// Writes the dispatch over <paramref name="group"/>. <paramref name="call"/> turns a method and its
        /// argument list into the call expression; <paramref name="isConstructor"/> returns the new instance.
        /// </summary>
        public static void WriteDispatch(CodeWriter writer, OverloadGroup group, string displayName, System.Func<MethodModel, string, string> call, bool isConstructor)
        {
            var single = group.Overloads.Count == 1;
            foreach (var method in group.Overloads)
            {
                var arguments = string.Join(", ", Arguments(method, displayName));
                if (single)
                {
                    WriteCall(writer, method, call(method, arguments), isConstructor);
                    return;
                }

                var conditions = new List<string>();
                var required = OverloadGroup.Required(method);
                var maximum = OverloadGroup.Maximum(method);
                if (required == maximum)
                {
                    conditions.Add("args.Count == " + required.ToString(CultureInfo.InvariantCulture));
                }
                else
                {
                    conditions.Add("args.Count >= " + required.ToString(CultureInfo.InvariantCulture));
                    if (maximum != int.MaxValue)
                        conditions.Add("args.Count <= " + maximum.ToString(CultureInfo.InvariantCulture));
                }
                if (group.NeedsTypeChecks(method))
                {
                    var jsArguments = OverloadGroup.JsArguments(method);
                    for (var i = 0; i < jsArguments.Count; i++)
                    {
                        var category = jsArguments[i].Type.Category;
                        if (category != JsCategory.Any && !jsArguments[i].IsParams)
                            conditions.Add($"(args.IsMissing({i}) || args.Is({i}, global::V8Host.Binding.JsValueKind.{category}))");
                    }
                }

                writer.Open("if (" + string.Join(" && ", conditions) + ")");
                WriteCall(writer, method, call(method, arguments), isConstructor);
                if (!isConstructor)
                    writer.Line("return;");
                writer.Close();
            }

            if (group.Overloads.Any(group.NeedsTypeChecks))
            {
                var signatures = string.Join(" or ", group.Overloads.Select(m => "(" + string.Join(", ", OverloadGroup.JsArguments(m).Select(p => p.Name + ": " + p.Type.TypeScript)) + ")"));
                writer.Line($"throw args.OverloadError({CodeWriter.Literal(displayName)}, {CodeWriter.Literal(signatures)});");
            }
            else
            {
                writer.Line($"throw args.ArityError({CodeWriter.Literal(displayName)}, {CodeWriter.Literal(group.Arities())});");
            }
        }

        private static void WriteCall(CodeWriter writer, MethodModel method, string call, bool isConstructor)
        {
            if (isConstructor)
                writer.Line("return " + call + ";");
            else
                WriteResult(writer, method.Return, call);
        }

        /// <summary>Writes <paramref name="expression"/> as the call's JS result, with the setter its type needs.</summary>
        public static void WriteResult(CodeWriter writer, TypeRef type, string expression)
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
                    var value = type.IsValueTask ? expression + ".AsTask()" : type.IsEnumAsString ? expression + ".ToString()" : expression;
                    writer.Line("result.SetObject(" + value + ");");
                    break;
            }
        }

        /// <summary>The C# expression reading JS argument <paramref name="index"/> as <paramref name="type"/>; names are C# literals.</summary>
        public static string Read(TypeRef type, string index, string member, string name) => type.Kind switch
        {
            ValueKind.Boolean => $"args.GetBoolean({index}, {member}, {name})",
            ValueKind.Int32 => $"args.GetInt32({index}, {member}, {name})",
            ValueKind.Int64 => $"args.GetInt64({index}, {member}, {name})",
            ValueKind.Double => $"args.GetDouble({index}, {member}, {name})",
            ValueKind.Single => $"args.GetSingle({index}, {member}, {name})",
            ValueKind.String => $"args.GetString({index}, {member}, {name})",
            ValueKind.NullableString => $"args.GetNullableString({index}, {member}, {name})",
            ValueKind.NullableReference => $"args.GetNullable<{type.FullName.TrimEnd('?')}>({index}, {member}, {name}{NullElements(type.FullName)})",
            _ => $"args.Get<{type.FullName}>({index}, {member}, {name}{NullElements(type.FullName)})",
        };

        /// <summary>Collections whose element types are nullable accept null elements (the runtime cannot see the annotation).</summary>
        private static string NullElements(string fullName) => fullName.TrimEnd('?').Contains("?") ? ", nullElements: true" : string.Empty;

        /// <summary>The C# expression for each parameter, reading JS arguments in order.</summary>
        private static IEnumerable<string> Arguments(MethodModel method, string displayName)
        {
            var member = CodeWriter.Literal(displayName);
            var index = 0;
            foreach (var parameter in method.Parameters)
            {
                var name = CodeWriter.Literal(parameter.Name);
                switch (parameter.Type.Kind)
                {
                    case ValueKind.Context:
                        yield return "args.Context";
                        continue;
                    case ValueKind.CancellationToken:
                        yield return "args.CancellationToken";
                        continue;
                }

                var i = index.ToString(CultureInfo.InvariantCulture);
                index++;
                if (parameter.IsParams)
                {
                    var nullElements = parameter.ElementFullName!.EndsWith("?") ? ", nullElements: true" : string.Empty;
                    yield return $"args.GetRest<{parameter.ElementFullName}>({i}, {member}, {name}{nullElements})";
                    continue;
                }

                var read = Read(parameter.Type, i, member, name);
                yield return parameter.IsOptional ? $"(args.IsMissing({i}) ? {parameter.DefaultLiteral} : {read})" : read;
            }
        }
    }
}

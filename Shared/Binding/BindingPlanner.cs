using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace V8Host.Shared.Binding
{
    /// <summary>
    /// Turns declarations into a binding plan plus every problem with it: naming, parameter kinds,
    /// overload order and ambiguity, arity. The generator emits code from the plan; the runtime
    /// executes the same plan by reflection.
    /// </summary>
    internal static class BindingPlanner
    {
        /// <summary>Plans a host class. <paramref name="typeName"/> is the C# name, for messages.</summary>
        public static ClassPlan PlanClass(string typeName, string jsName, IReadOnlyList<DeclaredMember> members, NamingPolicy naming, List<BindingProblem> problems)
        {
            if (!JsNaming.IsIdentifier(jsName))
                problems.Add(BindingProblem.Create(BindingProblems.InvalidJsName, -1, -1, jsName, "class " + typeName));

            var constructors = new List<MethodPlan>();
            var groups = new List<(string JsName, bool IsStatic, List<MethodPlan> Overloads)>();
            var properties = new List<PropertyPlan>();
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                var display = typeName + "." + member.ClrName;
                switch (member.Kind)
                {
                    case MemberKind.Constructor:
                        if (member.MissingSetsRequiredMembers)
                        {
                            problems.Add(BindingProblem.Create(BindingProblems.RequiredMembers, i, -1, typeName, "new " + typeName + "(" + string.Join(", ", member.Parameters.Select(p => p.TypeDisplay)) + ")"));
                            break;
                        }

                        if (PlanMethod(member, i, "new " + typeName, naming, problems) is { } constructor)
                            constructors.Add(constructor);
                        break;
                    case MemberKind.Method:
                        if (PlanMethod(member, i, display, naming, problems) is not { } method)
                            break;
                        var name = naming.Apply(member.ClrName, member.ExplicitName);
                        var group = groups.FindIndex(g => g.JsName == name && g.IsStatic == member.IsStatic);
                        if (group < 0)
                            groups.Add((name, member.IsStatic, new List<MethodPlan> { method }));
                        else
                            groups[group].Overloads.Add(method);
                        break;
                    case MemberKind.Property:
                    case MemberKind.Field:
                        var rule = member.Type!;
                        if (!rule.IsSupported || rule.Kind is ValueKind.Void or ValueKind.Context or ValueKind.CancellationToken)
                        {
                            problems.Add(BindingProblem.Create(BindingProblems.UnsupportedReturnType, i, -1, display, member.TypeDisplay, rule.Suggestion ?? "a value type from types.md"));
                            break;
                        }

                        var propertyName = naming.Apply(member.ClrName, member.ExplicitName);
                        var writeType = member.WriteType is { IsSupported: true } written ? written : null;
                        properties.Add(new PropertyPlan(member.ClrName, i, propertyName, jsName + "." + propertyName, member.IsStatic, rule, member.TypeName, writeType));
                        break;
                    case MemberKind.Indexer:
                        problems.Add(BindingProblem.Create(BindingProblems.UnsupportedMember, i, -1, display, "an indexer"));
                        break;
                    case MemberKind.Event:
                        problems.Add(BindingProblem.Create(BindingProblems.UnsupportedMember, i, -1, display, "an event"));
                        break;
                }
            }

            properties = properties.OrderBy(p => MemberRules.ValueMemberOrder(members[p.Member].Kind == MemberKind.Field)).ToList();
            var methods = groups.Select(g => OverloadSet(g.JsName, jsName + "." + g.JsName, g.IsStatic, g.Overloads, problems)).ToList();
            foreach (var method in methods)
            {
                if (!JsNaming.IsPropertyName(method.JsName))
                    problems.Add(BindingProblem.Create(BindingProblems.InvalidJsName, method.Overloads[0].Member, -1, method.JsName, typeName + "." + method.JsName));
            }

            foreach (var property in properties)
            {
                if (!JsNaming.IsPropertyName(property.JsName))
                    problems.Add(BindingProblem.Create(BindingProblems.InvalidJsName, property.Member, -1, property.JsName, typeName + "." + property.JsName));
            }

            var names = methods.Select(m => (m.JsName, m.IsStatic, Member: m.Overloads.Min(o => o.Member)))
                .Concat(properties.Select(p => (p.JsName, p.IsStatic, p.Member)));
            foreach (var duplicate in names.GroupBy(n => (n.JsName, n.IsStatic)).Where(g => g.Count() > 1))
                problems.Add(BindingProblem.Create(BindingProblems.DuplicateJsName, duplicate.Skip(1).First().Member, -1, duplicate.Key.JsName, "class " + jsName));

            var constructorSet = constructors.Count == 0 ? null : OverloadSet(BindingContract.ConstructorName, "new " + jsName, false, constructors, problems);
            return new ClassPlan(jsName, constructorSet, methods.ToEquatableArray(), properties.ToEquatableArray());
        }

        /// <summary>
        /// Plans global functions (<paramref name="moduleName"/> null: names may be dotted paths) or a host
        /// module's exports (bare identifiers). <paramref name="typeName"/> is the C# declaring type, for messages
        /// (empty for lambdas, which messages name by their JS name).
        /// </summary>
        public static FunctionSetPlan PlanFunctions(string typeName, string? moduleName, IReadOnlyList<DeclaredMember> members, NamingPolicy naming, List<BindingProblem> problems)
        {
            var groups = new List<(string JsName, List<MethodPlan> Overloads)>();
            for (var i = 0; i < members.Count; i++)
            {
                var member = members[i];
                var display = typeName.Length == 0 ? member.ClrName : typeName + "." + member.ClrName;
                if (PlanMethod(member, i, display, naming, problems) is not { } method)
                    continue;
                var name = naming.Apply(member.ClrName, member.ExplicitName);
                var group = groups.FindIndex(g => g.JsName == name);
                if (group < 0)
                    groups.Add((name, new List<MethodPlan> { method }));
                else
                    groups[group].Overloads.Add(method);
            }

            var functions = new List<OverloadSetPlan>();
            foreach (var (name, overloads) in groups)
            {
                var valid = moduleName is null ? JsNaming.IsPath(name) : JsNaming.IsIdentifier(name);
                if (!valid)
                {
                    var clrName = members[overloads[0].Member].ClrName;
                    var what = (moduleName is null ? "host function " : "export of host module " + moduleName + ": ") + (typeName.Length == 0 ? clrName : typeName + "." + clrName);
                    problems.Add(BindingProblem.Create(BindingProblems.InvalidJsName, overloads[0].Member, -1, name, what));
                }

                functions.Add(OverloadSet(name, moduleName is null ? name : moduleName + "." + name, true, overloads, problems));
            }

            return new FunctionSetPlan(moduleName, functions.ToEquatableArray());
        }

        /// <summary>A method or constructor's plan, or null (with problems) when it cannot be bound.</summary>
        private static MethodPlan? PlanMethod(DeclaredMember member, int index, string display, NamingPolicy naming, List<BindingProblem> problems)
        {
            var ok = true;
            if (member.IsGeneric)
            {
                problems.Add(BindingProblem.Create(BindingProblems.GenericMember, index, -1, display));
                ok = false;
            }

            if (member.IsAsyncVoid)
            {
                problems.Add(BindingProblem.Create(BindingProblems.AsyncVoid, index, -1, display));
                ok = false;
            }

            var parameters = new List<ParameterPlan>();
            var jsIndex = 0;
            for (var p = 0; p < member.Parameters.Count; p++)
            {
                var parameter = member.Parameters[p];
                if (parameter.RefKind is { } refKind)
                {
                    problems.Add(BindingProblem.Create(BindingProblems.ByRefParameter, index, p, parameter.Name, display, refKind));
                    ok = false;
                    continue;
                }

                if (!parameter.Type.IsSupported)
                {
                    problems.Add(BindingProblem.Create(BindingProblems.UnsupportedParameterType, index, p, parameter.Name, display, parameter.TypeDisplay, parameter.Type.Suggestion!));
                    ok = false;
                    continue;
                }

                var kind = parameter.Type.Kind switch
                {
                    ValueKind.Context => ParameterKind.Context,
                    ValueKind.CancellationToken => ParameterKind.CancellationToken,
                    _ => parameter.IsParams ? ParameterKind.Rest : ParameterKind.Argument,
                };
                var misplaced = (kind == ParameterKind.Context && p != 0) || (kind == ParameterKind.CancellationToken && p != member.Parameters.Count - 1);
                if (misplaced)
                {
                    problems.Add(BindingProblem.Create(BindingProblems.UnsupportedParameterType, index, p, parameter.Name, display, parameter.TypeDisplay,
                        kind == ParameterKind.Context ? "Context only as the first parameter" : "CancellationToken only as the last parameter"));
                    ok = false;
                    continue;
                }

                var reads = kind is ParameterKind.Argument or ParameterKind.Rest;
                // JS sees parameter names (TypeScript, error messages) under the naming policy: a positional record's `Name` is `name`.
                parameters.Add(new ParameterPlan(naming.Apply(parameter.Name, null), kind, parameter.Type, parameter.TypeName, reads ? jsIndex : -1, parameter.HasDefault && kind == ParameterKind.Argument, parameter.DefaultLiteral));
                if (reads)
                    jsIndex++;
            }

            var returned = member.Type ?? new TypeRule(TypeRow.Void, ValueKind.Void, JsCategory.Any, "void");
            if (!returned.IsSupported)
            {
                problems.Add(BindingProblem.Create(BindingProblems.UnsupportedReturnType, index, -1, display, member.TypeDisplay, returned.Suggestion!));
                ok = false;
            }

            if (!ok)
                return null;
            var required = parameters.Count(p => p.Kind == ParameterKind.Argument && !p.IsOptional);
            var maximum = parameters.Any(p => p.Kind == ParameterKind.Rest) ? int.MaxValue : parameters.Count(p => p.Kind == ParameterKind.Argument);
            return new MethodPlan(member.ClrName, index, parameters.ToEquatableArray(), returned, member.TypeName, required, maximum, TypeChecks: false);
        }

        private static OverloadSetPlan OverloadSet(string jsName, string displayName, bool isStatic, List<MethodPlan> overloads, List<BindingProblem> problems)
        {
            var ordered = OverloadRules.Order(overloads);
            var withChecks = ordered.Select(m => m with { TypeChecks = ordered.Any(o => !ReferenceEquals(o, m) && OverloadRules.Overlap(m, o)) }).ToList();
            for (var i = 0; i < withChecks.Count; i++)
            {
                for (var j = i + 1; j < withChecks.Count; j++)
                {
                    var a = withChecks[i];
                    var b = withChecks[j];
                    if (!OverloadRules.Overlap(a, b) || OverloadRules.Distinguishable(a, b))
                        continue;
                    var count = System.Math.Max(a.Required, b.Required).ToString(CultureInfo.InvariantCulture);
                    var types = string.Join(" vs ", new[] { a, b }.Select(m => "(" + string.Join(", ", OverloadRules.JsArguments(m).Select(p => p.Type.TypeScript)) + ")"));
                    problems.Add(BindingProblem.Create(BindingProblems.AmbiguousOverloads, b.Member, -1, displayName, count, types));
                }
            }

            var length = withChecks.Min(m => m.Required);
            return new OverloadSetPlan(jsName, displayName, isStatic, withChecks.ToEquatableArray(), length, OverloadRules.Arities(withChecks), OverloadRules.Signatures(withChecks));
        }
    }
}

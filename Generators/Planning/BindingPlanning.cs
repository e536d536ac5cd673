using System.Collections.Generic;
using System.Linq;
using V8Host.Generators.Model;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Planning
{
    /// <summary>
    /// The planning step: declarations plus the naming policy in, the shared planner's plan and every
    /// diagnostic out. Problems point at members; here they get their source locations.
    /// </summary>
    internal static class BindingPlanning
    {
        public static PlannedBinding Plan(DeclarationModel model, NamingPolicy naming)
        {
            var diagnostics = model.Diagnostics.ToList();
            var problems = new List<BindingProblem>();
            ClassPlan? classPlan = null;
            FunctionSetPlan? functions = null;
            if (model.Kind == BindingKind.Class)
                classPlan = BindingPlanner.PlanClass(model.Declaration.Name, model.JsName!, model.Members, naming, problems);
            else
                functions = BindingPlanner.PlanFunctions(model.Declaration.Name, model.Kind == BindingKind.Module ? model.JsName : null, model.Members, naming, problems);

            foreach (var problem in problems)
                diagnostics.Add(new DiagnosticInfo(problem.Id, LocationOf(model, problem), problem.Arguments));
            diagnostics.AddRange(PlainDataDiagnostics(model, classPlan, functions));

            var empty = model.Kind == BindingKind.Functions && functions!.Functions.Count == 0;
            var planned = new BindingModel(model.Kind, model.Declaration, model.IsStruct, classPlan is null ? null : WithoutMemberIndices(classPlan), functions is null ? null : WithoutMemberIndices(functions));
            var unique = diagnostics.Distinct().ToEquatableArray();
            if (!model.CanEmit || empty || !Emitting.TypeDeclarationWriter.CanDeclare(model.Declaration))
                return new PlannedBinding(null, unique);
            return diagnostics.Any(d => d.IsError)
                ? new PlannedBinding(null, unique, planned with { Class = null, Functions = null })
                : new PlannedBinding(planned, unique);
        }

        /// <summary>A plain-data type taken from JavaScript must be constructible.</summary>
        private static IEnumerable<DiagnosticInfo> PlainDataDiagnostics(DeclarationModel model, ClassPlan? classPlan, FunctionSetPlan? functions)
        {
            var unreadable = new HashSet<string>(model.PlainData.Where(p => p.Constructor is null).Select(p => p.Name));
            if (unreadable.Count == 0)
                yield break;
            var sets = functions?.Functions ?? (classPlan!.Constructors is { } constructors ? classPlan.Methods.Concat(new[] { constructors }) : classPlan.Methods);
            foreach (var set in sets)
            {
                foreach (var method in set.Overloads)
                {
                    for (var p = 0; p < method.Parameters.Count; p++)
                    {
                        var parameter = method.Parameters[p];
                        if (parameter.Type.Row == TypeRow.PlainData && unreadable.Contains(parameter.Type.TypeScript.Replace(" | null", string.Empty)))
                        {
                            var location = model.Locations[method.Member].Parameters[p];
                            yield return DiagnosticInfo.Create(BindingProblems.PlainDataNotConstructible, location, set.DisplayName, parameter.Type.TypeScript.Replace(" | null", string.Empty));
                        }
                    }
                }
            }
        }

        // Member indices point into the declarations, for locations (and, at run time, reflected members).
        // Emitted code does not need them, and an unbindable member added above a bound one must not re-emit it.
        private static ClassPlan WithoutMemberIndices(ClassPlan plan) => plan with
        {
            Constructors = plan.Constructors is null ? null : WithoutMemberIndices(plan.Constructors),
            Methods = plan.Methods.Select(WithoutMemberIndices).ToEquatableArray(),
            Properties = plan.Properties.Select(p => p with { Member = -1 }).ToEquatableArray(),
        };

        private static FunctionSetPlan WithoutMemberIndices(FunctionSetPlan plan) => plan with { Functions = plan.Functions.Select(WithoutMemberIndices).ToEquatableArray() };

        private static OverloadSetPlan WithoutMemberIndices(OverloadSetPlan set) => set with { Overloads = set.Overloads.Select(o => o with { Member = -1 }).ToEquatableArray() };

        private static LocationInfo LocationOf(DeclarationModel model, BindingProblem problem)
        {
            if (problem.Member < 0 || problem.Member >= model.Locations.Count)
                return model.Location;
            var member = model.Locations[problem.Member];
            return problem.Parameter >= 0 && problem.Parameter < member.Parameters.Count ? member.Parameters[problem.Parameter] : member.Member;
        }

        /// <summary>Function declarations arrive one method at a time; a type's set is planned as one.</summary>
        public static DeclarationModel Merge(IEnumerable<DeclarationModel> parts)
        {
            var list = parts.ToList();
            var first = list[0];
            return first with
            {
                Members = list.SelectMany(p => p.Members).ToEquatableArray(),
                Locations = list.SelectMany(p => p.Locations).ToEquatableArray(),
                Diagnostics = list.SelectMany(p => p.Diagnostics).Distinct().ToEquatableArray(),
                CanEmit = list.All(p => p.CanEmit),
                PlainData = list.SelectMany(p => p.PlainData).GroupBy(p => p.FullName).Select(g => g.First()).ToEquatableArray(),
                Location = list.Select(p => p.Location).OrderBy(l => l.FilePath, System.StringComparer.Ordinal).ThenBy(l => l.Span.Start).First(),
            };
        }
    }
}

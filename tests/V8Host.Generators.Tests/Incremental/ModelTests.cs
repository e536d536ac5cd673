using System.Reflection;
using Microsoft.CodeAnalysis;
using V8Host.Generators.Model;
using V8Host.Generators.Planning;
using V8Host.Shared.Binding;

namespace V8Host.Generators.Tests.Incremental;

/// <summary>
/// The pipeline's models are plain data: no symbol, syntax tree, semantic model or compilation can
/// survive past parsing (they would defeat caching and keep compilations alive), and what source
/// output depends on holds no source location (moving code must not re-emit).
/// </summary>
public class ModelTests
{
    private static readonly Type[] s_forbidden =
    {
        typeof(ISymbol), typeof(Compilation), typeof(SyntaxNode), typeof(SyntaxTree), typeof(SemanticModel), typeof(Location), typeof(AttributeData), typeof(TypedConstant),
    };

    /// <summary>Every model type of the pipeline: parse results, plans, emit inputs.</summary>
    public static TheoryData<Type> PipelineModels => new(typeof(DeclarationModel), typeof(PlannedBinding), typeof(ProfileModel), typeof(PlannedProfile), typeof(PlainDataModel), typeof(BindingModel));

    /// <summary>What source output is produced from.</summary>
    public static TheoryData<Type> EmitModels => new(typeof(BindingModel), typeof(ProfileBinding), typeof(PlainDataModel));

    [Theory]
    [MemberData(nameof(PipelineModels))]
    public void Models_hold_no_roslyn_objects(Type model)
    {
        foreach (var (path, type) in Walk(model))
            Assert.False(s_forbidden.Any(f => f.IsAssignableFrom(type)), $"{model.Name}{path} is a {type.Name}");
    }

    [Theory]
    [MemberData(nameof(EmitModels))]
    public void What_source_output_depends_on_holds_no_locations(Type model)
    {
        foreach (var (path, type) in Walk(model))
            Assert.False(type == typeof(LocationInfo) || type == typeof(DiagnosticInfo), $"{model.Name}{path} is a {type.Name}: moving code would re-emit");
    }

    [Theory]
    [MemberData(nameof(PipelineModels))]
    public void Models_are_records_with_value_equality(Type model)
    {
        foreach (var (path, type) in Walk(model).Prepend((string.Empty, model)))
        {
            if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type.IsGenericType && type.GetGenericTypeDefinition() == typeof(EquatableArray<>) || type.Namespace == "Microsoft.CodeAnalysis.Text")
                continue;
            Assert.True(type.GetMethod("<Clone>$") is not null || type.IsValueType, $"{model.Name}{path}: {type.Name} is not a record, so the pipeline could not compare it by value");
        }
    }

    /// <summary>The types reachable through a model's properties (element types of arrays included).</summary>
    private static IEnumerable<(string Path, Type Type)> Walk(Type root)
    {
        var seen = new HashSet<Type>();
        var queue = new Queue<(string, Type)>();
        queue.Enqueue((string.Empty, root));
        while (queue.Count > 0)
        {
            var (path, type) = queue.Dequeue();
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetIndexParameters().Length > 0 || property.Name == "EqualityContract")
                    continue;
                foreach (var reached in Unwrap(property.PropertyType))
                {
                    yield return (path + "." + property.Name, reached);
                    if (seen.Add(reached) && reached.Assembly == typeof(DeclarationModel).Assembly)
                        queue.Enqueue((path + "." + property.Name, reached));
                }
            }
        }
    }

    private static IEnumerable<Type> Unwrap(Type type)
    {
        var inner = Nullable.GetUnderlyingType(type) ?? type;
        if (inner.IsGenericType && inner.GetGenericTypeDefinition() == typeof(EquatableArray<>))
            return Unwrap(inner.GetGenericArguments()[0]).Prepend(inner);
        return new[] { inner };
    }
}

using System.Linq.Expressions;
using System.Reflection;

namespace V8Host.Engine;

/// <summary>Turns a <see cref="JsFunction"/> into a typed .NET delegate (<c>Func&lt;…&gt;</c>, <c>Action&lt;…&gt;</c> or any delegate type).</summary>
internal static class DelegateAdapter
{
    private static readonly MethodInfo s_invoke = typeof(DelegateAdapter).GetMethod(nameof(Invoke), BindingFlags.NonPublic | BindingFlags.Static)!;

    public static Delegate Create(Context context, JsFunction function, Type delegateType)
    {
        var signature = delegateType.GetMethod("Invoke")!;
        var parameters = signature.GetParameters().Select(p => Expression.Parameter(p.ParameterType, p.Name)).ToArray();
        var arguments = Expression.NewArrayInit(typeof(object), parameters.Select(p => Expression.Convert(p, typeof(object))));
        Expression call = Expression.Call(
            s_invoke,
            Expression.Constant(function),
            arguments,
            Expression.Constant(signature.ReturnType, typeof(Type)));
        call = signature.ReturnType == typeof(void) ? call : Expression.Convert(call, signature.ReturnType);
        return Expression.Lambda(delegateType, call, parameters).Compile();
    }

    private static object? Invoke(JsFunction function, object?[] arguments, Type returnType)
    {
        if (returnType == typeof(void))
        {
            function.Invoke(arguments);
            return null;
        }

        return function.InvokeAs(returnType, arguments);
    }
}

namespace V8Host.Benchmarks.RulesEngine;

/// <summary>One call of a compiled JS function with one order, its result as a double.</summary>
public delegate double OrderCall(RuleOrder order);

/// <summary>
/// One engine set up for the rules engine: <c>pricing</c> defined as a host object, JS functions
/// compiled once (<see cref="Compile"/>), then called from .NET once per order. Each engine passes the
/// order the way it exposes .NET objects naturally (see the subclasses).
/// </summary>
public abstract class RuleEngine : IDisposable
{
    /// <summary>How the engine's <c>order.items</c> reports its size in JS (RuleScripts).</summary>
    public abstract string Count { get; }

    /// <summary>Compiles <paramref name="source"/> (an expression evaluating to a function of the order).</summary>
    public abstract OrderCall Compile(string source);

    /// <summary>Compiles a function called with no argument.</summary>
    public abstract Func<double> CompileNoArgument(string source);

    public abstract void Dispose();

    /// <summary>Calls <paramref name="call"/> once per order and adds the results in order.</summary>
    public static double RunAll(OrderCall call, List<RuleOrder> orders)
    {
        var sum = 0.0;
        foreach (var order in orders)
            sum += call(order);
        return sum;
    }

    /// <summary>Calls <paramref name="call"/> once per order, without the order.</summary>
    public static double RunAll(Func<double> call, List<RuleOrder> orders)
    {
        var sum = 0.0;
        for (var i = 0; i < orders.Count; i++)
            sum += call();
        return sum;
    }
}
